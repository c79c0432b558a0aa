// What Safaricom sends: an STK Push result (MPESA_CALLBACK_TOKEN). Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const token = process.env.MPESA_CALLBACK_TOKEN ?? "change-me";
const url = new URL(`${baseUrl}/api/webhooks/mpesa/callback/${token}`);

const response = await fetch(url, {
  method: "POST",
  headers: {
    Accept: "application/json",
    "Content-Type": "application/json",
  },
  body: JSON.stringify({
    "Body": {
      "stkCallback": {
        "MerchantRequestID": "68441-128341933-1",
        "CheckoutRequestID": "ws_CO_17112022155511840796440427",
        "ResultCode": 1032,
        "ResultDesc": "Request cancelled by user"
      }
    }
  }),
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
