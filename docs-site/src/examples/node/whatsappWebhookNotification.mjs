// What Meta sends: a status notification, signed with the app secret (WHATSAPP_APP_SECRET) over the exact bytes. Node.js 20+, an ES module (save as .mjs).
// Node.js 20+, built-in fetch and crypto, no packages.
import { createHmac } from "node:crypto";

const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const appSecret = process.env.WHATSAPP_APP_SECRET ?? "simulator-app-secret";
const body = JSON.stringify({
  object: "whatsapp_business_account",
  entry: [{
    id: "200000000000001",
    changes: [{
      field: "messages",
      value: {
        messaging_product: "whatsapp",
        metadata: { display_phone_number: "15550984277", phone_number_id: "100000000000001" },
        statuses: [{ id: "wamid.EXAMPLE", status: "delivered", timestamp: "1694492484", recipient_id: "254712345678" }],
      },
    }],
  }],
});
// The signature covers these exact bytes: never re-serialise the JSON after signing it.
const signature = "sha256=" + createHmac("sha256", appSecret).update(body).digest("hex");

const response = await fetch(`${baseUrl}/api/webhooks/whatsapp`, {
  method: "POST",
  headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signature },
  body,
});
console.log("HTTP", response.status);
console.log(await response.text());
