// Let a number be messaged again (OPT_OUT_PHONE). Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.

const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
const optOutPhone = process.env.OPT_OUT_PHONE;
if (!optOutPhone) {
  console.error("Set OPT_OUT_PHONE first: export OPT_OUT_PHONE=0722110160");
  process.exit(1);
}
const url = new URL(`${baseUrl}/api/${clientId}/opt-outs/${encodeURIComponent(optOutPhone)}`);

const response = await fetch(url, {
  method: "DELETE",
  headers: {
    Accept: "application/json",
    "X-API-Key": apiKey,
  },
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
