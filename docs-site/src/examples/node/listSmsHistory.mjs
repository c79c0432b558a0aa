// Node.js 20+, an ES module (save as .mjs). Every delivered message, 100 per page, by cursor: each page starts after the last id of the one before
// (starting_after), so messages sent meanwhile neither repeat nor push others out.
// Node.js 20+, built-in fetch, no packages.
const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
const url = new URL(`${baseUrl}/api/${clientId}/sms/history`);
url.searchParams.set("status", "delivered");
url.searchParams.set("per_page", "100");

while (true) {
  const response = await fetch(url, {
    method: "GET",
    headers: {
      Accept: "application/json",
      "X-API-Key": apiKey,
    },
  });
  const body = await response.text();
  // Errors are application/problem+json with a stable "code".
  console.log("HTTP", response.status);
  console.log(body);
  if (!response.ok) break;
  const page = JSON.parse(body);
  if (!page.meta?.has_more) break;
  url.searchParams.set("starting_after", page.data[page.data.length - 1].message_id);
}
