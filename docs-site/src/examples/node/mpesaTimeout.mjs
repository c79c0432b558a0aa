// What Safaricom sends: a queue timeout (MPESA_CALLBACK_TOKEN). Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const token = process.env.MPESA_CALLBACK_TOKEN ?? "change-me";
const url = new URL(`${baseUrl}/api/webhooks/mpesa/timeout/${token}`);

const response = await fetch(url, {
  method: "POST",
  headers: {
    Accept: "application/json",
    "Content-Type": "application/json",
  },
  body: JSON.stringify({
    "Body": {
      "stkCallback": {
        "MerchantRequestID": "98357-32706531-1",
        "CheckoutRequestID": "ws_CO_13102022155941641714596833",
        "ResultCode": 1037,
        "ResultDesc": "DS timeout user cannot be reached"
      }
    }
  }),
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
