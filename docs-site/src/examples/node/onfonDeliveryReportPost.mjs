// What Onfon sends: a delivery report as a POST (ONFON_DLR_TOKEN). Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const token = process.env.ONFON_DLR_TOKEN ?? "change-me";
const url = new URL(`${baseUrl}/api/webhooks/onfon/dlr/${token}`);

const response = await fetch(url, {
  method: "POST",
  headers: {
    Accept: "application/json",
    "Content-Type": "application/json",
  },
  body: JSON.stringify({
    "messageId": "7444f504-6760-43fd-9b40-2708da61d114",
    "mobile": "254712345678",
    "status": "DELIVRD",
    "errorCode": "000",
    "submitDate": "2026-04-08 09:30",
    "doneDate": "2026-04-08 09:31"
  }),
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
