// Add a contact to the phone book. Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
import { randomUUID } from "node:crypto";

const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
const contactPhone = process.env.CONTACT_PHONE ?? "0712345678";
const url = new URL(`${baseUrl}/api/${clientId}/contacts`);

const response = await fetch(url, {
  method: "POST",
  headers: {
    Accept: "application/json",
    "X-API-Key": apiKey,
    "Idempotency-Key": randomUUID(),
    "Content-Type": "application/json",
  },
  body: JSON.stringify({
    "phone": contactPhone,
    "name": "Amina Otieno",
    "attributes": {
      "student": "Baraka",
      "form": "2"
    },
    "groups": [
      "parents-form-2"
    ]
  }),
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
