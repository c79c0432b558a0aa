// List campaigns. Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.

const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
const url = new URL(`${baseUrl}/api/${clientId}/campaigns`);

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
