// Resume a paused campaign (CAMPAIGN_ID). Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
import { randomUUID } from "node:crypto";

const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
const campaignId = process.env.CAMPAIGN_ID;
if (!campaignId) {
  console.error("Set CAMPAIGN_ID first: export CAMPAIGN_ID=CMP-...");
  process.exit(1);
}
const url = new URL(`${baseUrl}/api/${clientId}/campaigns/${encodeURIComponent(campaignId)}/resume`);

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
