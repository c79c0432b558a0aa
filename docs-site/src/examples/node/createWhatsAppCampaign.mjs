// Create a WhatsApp-template campaign draft for a group. Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
import { randomUUID } from "node:crypto";

const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
const url = new URL(`${baseUrl}/api/${clientId}/campaigns`);

const response = await fetch(url, {
  method: "POST",
  headers: {
    Accept: "application/json",
    "X-API-Key": apiKey,
    "Idempotency-Key": randomUUID(),
    "Content-Type": "application/json",
  },
  // each customer gets order_update with their own name and order
  body: JSON.stringify({
    name: "Order updates",
    channel: "whatsapp",
    template: { name: "order_update", language: "en", parameters: ["{{name}}", "{{attributes.order}}"] },
    audience: { groups: ["customers"] },
  }),
});
// Errors are application/problem+json with a stable "code" (unknown_template, validation_failed, ...).
console.log("HTTP", response.status);
console.log(await response.text());
