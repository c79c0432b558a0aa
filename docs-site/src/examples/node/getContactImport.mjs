// Follow an import (IMPORT_ID, from importContacts). Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.

const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
const importId = process.env.IMPORT_ID;
if (!importId) {
  console.error("Set IMPORT_ID first: export IMPORT_ID=IMP-...");
  process.exit(1);
}
const url = new URL(`${baseUrl}/api/${clientId}/contacts/import/${encodeURIComponent(importId)}`);

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
