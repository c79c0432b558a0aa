// Change where your emails go and which you want. Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
import { randomUUID } from "node:crypto";

const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
const url = new URL(`${baseUrl}/api/${clientId}/account/notifications`);

const response = await fetch(url, {
  method: "PUT",
  headers: {
    Accept: "application/json",
    "X-API-Key": apiKey,
    "Idempotency-Key": randomUUID(),
    "Content-Type": "application/json",
  },
  // Members left out keep their value; "cc": [] removes the copies.
  body: JSON.stringify({
    "cc": ["finance@falley.co.ke"],
    "low_balance_threshold": 500.00,
    "emails": { "topup": false }
  }),
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
