// Follow one top-up (TRANSACTION_ID). Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
// Needs an id from an earlier step: export TRANSACTION_ID=TXN-01JB3QF7R2M4   (the transaction_id that topUp answered)
const transactionId = process.env.TRANSACTION_ID;
if (!transactionId) {
  console.error("export TRANSACTION_ID=... first (the transaction_id that topUp answered)");
  process.exit(1);
}
const url = new URL(`${baseUrl}/api/${clientId}/wallet/topup/${transactionId}`);

const response = await fetch(url, {
  method: "GET",
  headers: {
    Accept: "application/json",
    "X-API-Key": apiKey,
  },
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
