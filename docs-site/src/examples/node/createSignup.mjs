// Apply for an account (no API key): Jumbe emails a verification link. Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const url = new URL(`${baseUrl}/api/signup`);

const response = await fetch(url, {
  method: "POST",
  headers: {
    Accept: "application/json",
    "Content-Type": "application/json",
  },
  body: JSON.stringify({
    "name": "Falley Medical Center",
    "email": "ops@falley.co.ke",
    "phone": "0712345678",
    "sender_id": "FALLEY-MED",
    "use_case": "appointment reminders"
  }),
});
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
