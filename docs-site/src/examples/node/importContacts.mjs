// Import contacts from CSV into a group. Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.

const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const clientId = process.env.JUMBE_CLIENT_ID;
const apiKey = process.env.JUMBE_API_KEY;
const url = new URL(`${baseUrl}/api/${clientId}/contacts/import`);
url.searchParams.set("group", "parents-form-2");

const response = await fetch(url, {
  method: "POST",
  headers: {
    Accept: "application/json",
    "X-API-Key": apiKey,
    "Content-Type": "text/csv",
  },
  // A CSV file as the body; with a file on disk: body: await readFile("contacts.csv")
  body: "phone,name,student,groups\r\n0712345678,\"Otieno, Amina\",Baraka,parents-form-2\r\n0722110150,Brian Kamau,Wanjiru,parents-form-2\r\n",
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
