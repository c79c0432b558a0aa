// Cancel a scheduled message (MESSAGE_ID). Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
import { randomUUID } from "node:crypto";

const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
// Needs an id from an earlier step: export MESSAGE_ID=MSG-01JB3QC0XYZ1   (the message_id that sendSms answered)
const messageId = process.env.MESSAGE_ID;
if (!messageId) {
  console.error("export MESSAGE_ID=... first (the message_id that sendSms answered)");
  process.exit(1);
}
const url = new URL(`${baseUrl}/api/${clientId}/sms/${messageId}`);

const response = await fetch(url, {
  method: "DELETE",
  headers: {
    Accept: "application/json",
    "X-API-Key": apiKey,
    "Idempotency-Key": randomUUID(),
  },
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
