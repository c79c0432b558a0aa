// Read the Prometheus metrics. Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const url = new URL(`${baseUrl}/metrics`);

const response = await fetch(url, {
  method: "GET",
  headers: {
    Accept: "application/json",
  },
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
