// Read one contact (CONTACT_ID, from createContact). Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.

const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
const contactId = process.env.CONTACT_ID;
if (!contactId) {
  console.error("Set CONTACT_ID first: export CONTACT_ID=CON-...");
  process.exit(1);
}
const url = new URL(`${baseUrl}/api/${clientId}/contacts/${encodeURIComponent(contactId)}`);

const response = await fetch(url, {
  method: "GET",
  headers: {
    Accept: "application/json",
    "X-API-Key": apiKey,
  },
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
