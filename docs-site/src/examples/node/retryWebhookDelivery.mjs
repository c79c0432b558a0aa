// Send a webhook delivery again (DELIVERY_ID). Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
import { randomUUID } from "node:crypto";

const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
// Needs an id from an earlier step: export DELIVERY_ID=WH-01JB3QK4T9V2   (the id of a delivery from listWebhookDeliveries)
const deliveryId = process.env.DELIVERY_ID;
if (!deliveryId) {
  console.error("export DELIVERY_ID=... first (the id of a delivery from listWebhookDeliveries)");
  process.exit(1);
}
const url = new URL(`${baseUrl}/api/${clientId}/webhooks/deliveries/${deliveryId}/retry`);

const response = await fetch(url, {
  method: "POST",
  headers: {
    Accept: "application/json",
    "X-API-Key": apiKey,
    "Idempotency-Key": randomUUID(),
  },
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
