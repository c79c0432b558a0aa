// Verify a Jumbe webhook in Node.js 20+ with node:crypto. An ES module (save as .mjs).
// The `standardwebhooks` package (npm install standardwebhooks) does the same:
//   import { Webhook } from "standardwebhooks";
//   const payload = new Webhook(secret).verify(rawBody, headers);
import { createHmac, timingSafeEqual } from "node:crypto";

const TOLERANCE_SECONDS = 5 * 60;

/** Checks the signature over the RAW body (a Buffer or string as received), then parses it. Throws on any doubt. */
export function verify(secret, headers, rawBody, nowSeconds = Date.now() / 1000) {
  const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const id = h["webhook-id"];
  const timestamp = h["webhook-timestamp"];
  const signatures = h["webhook-signature"];
  if (!id || !timestamp || !signatures) {
    throw new Error("missing webhook-id, webhook-timestamp or webhook-signature");
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS) {
    throw new Error("timestamp outside the tolerance");
  }
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key)
    .update(`${id}.${timestamp}.`)
    .update(rawBody)
    .digest();
  // During a secret rotation the header carries several signatures separated by spaces.
  for (const candidate of signatures.split(" ")) {
    const [version, value] = candidate.split(",");
    if (version !== "v1" || !value) continue;
    const given = Buffer.from(value, "base64");
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      return JSON.parse(rawBody.toString());
    }
  }
  throw new Error("no matching signature");
}

// The Standard Webhooks published test vector.
const payload = verify(
  "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  {
    "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
    "webhook-timestamp": "1614265330",
    "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
  },
  Buffer.from('{"test": 2432232314}'),
  1614265330,
);
console.log("verified", payload);
