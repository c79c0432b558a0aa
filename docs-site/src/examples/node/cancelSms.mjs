// Cancel a scheduled message (MESSAGE_ID). Node.js 20+, built-in fetch, no packages.
import { randomUUID } from "node:crypto";

const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
const messageId = process.env.MESSAGE_ID ?? "MSG-01JB3QC0XYZ1";
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
