// What Meta sends when the callback URL is set up: the verification challenge (WHATSAPP_VERIFY_TOKEN). Node.js 20+, an ES module (save as .mjs).
// Node.js 20+, built-in fetch, no packages.
const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const verifyToken = process.env.WHATSAPP_VERIFY_TOKEN;
if (!verifyToken) {
  console.error("Set WHATSAPP_VERIFY_TOKEN first.");
  process.exit(1);
}
const url = new URL(`${baseUrl}/api/webhooks/whatsapp`);
url.searchParams.set("hub.mode", "subscribe");
url.searchParams.set("hub.challenge", "1158201444");
url.searchParams.set("hub.verify_token", verifyToken);

const response = await fetch(url);
console.log("HTTP", response.status);
console.log(await response.text());
