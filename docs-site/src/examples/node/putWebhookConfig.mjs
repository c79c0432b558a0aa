// Set the webhook URL and events. Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
import { randomUUID } from "node:crypto";

const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
const url = new URL(`${baseUrl}/api/${clientId}/webhooks/config`);

const response = await fetch(url, {
  method: "PUT",
  headers: {
    Accept: "application/json",
    "X-API-Key": apiKey,
    "Idempotency-Key": randomUUID(),
    "Content-Type": "application/json",
  },
  body: JSON.stringify({
    // Your receiver: a public https URL of your system.
    "webhook_url": process.env.WEBHOOK_URL ?? "https://crm.example.co.ke/jumbe/webhooks",
    "events": [
      "balance.updated",
      "message.delivered",
      "message.failed",
      "topup.completed",
      "topup.failed"
    ]
  }),
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
