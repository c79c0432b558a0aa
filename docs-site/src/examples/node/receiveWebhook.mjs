// Node.js 20+, an ES module (save as .mjs). A minimal webhook receiver for your machine, node:http only.
//   export JUMBE_WEBHOOK_SECRET=whsec_...   # the secret PUT /webhooks/config answered
//   node receiveWebhook.mjs                 # listens on http://127.0.0.1:8000/ (PORT to change)
// It verifies the signature over the RAW body bytes (never a re-serialised JSON), ignores an event it has
// already seen (same webhook-id) and answers 204 at once; do slow work after answering (Jumbe waits 15 s).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const secret = process.env.JUMBE_WEBHOOK_SECRET;
if (!secret) {
  console.error("export JUMBE_WEBHOOK_SECRET=whsec_... first");
  process.exit(1);
}
const key = Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
const seen = new Set(); // webhook-ids already handled; keep them in your database in production

function verified(headers, rawBody) {
  const id = headers["webhook-id"] ?? "";
  const timestamp = headers["webhook-timestamp"] ?? "0";
  if (!id || Math.abs(Date.now() / 1000 - Number(timestamp)) > 5 * 60) return false;
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.`).update(rawBody).digest();
  return (headers["webhook-signature"] ?? "").split(" ").some((s) => {
    const given = Buffer.from(s.startsWith("v1,") ? s.slice(3) : "", "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const server = createServer(async (request, response) => {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const rawBody = Buffer.concat(chunks);
  if (!verified(request.headers, rawBody)) {
    response.writeHead(400).end();
    return;
  }
  const id = request.headers["webhook-id"];
  if (!seen.has(id)) {
    seen.add(id);
    const event = JSON.parse(rawBody.toString("utf8"));
    console.log("verified", event.event, id, "sequence", event.sequence);
  }
  response.writeHead(204).end();
});
server.listen(Number(process.env.PORT ?? 8000), "127.0.0.1", () => {
  console.log("listening on", server.address().port);
});
