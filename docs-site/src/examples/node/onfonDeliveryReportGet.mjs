// What Onfon sends: a delivery report as a GET (ONFON_DLR_TOKEN). Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const token = process.env.ONFON_DLR_TOKEN ?? "change-me";
const url = new URL(`${baseUrl}/api/webhooks/onfon/dlr/${token}`);
url.searchParams.set("messageId", "7444f504-6760-43fd-9b40-2708da61d114");
url.searchParams.set("mobile", "254712345678");
url.searchParams.set("status", "DELIVRD");
url.searchParams.set("errorCode", "000");
url.searchParams.set("submitDate", "2026-04-08 09:30");
url.searchParams.set("doneDate", "2026-04-08 09:31");

const response = await fetch(url, {
  method: "GET",
  headers: {
    Accept: "application/json",
  },
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
