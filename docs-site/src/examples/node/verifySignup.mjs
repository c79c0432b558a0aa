// Confirm the address: what opening the emailed link does. Node.js 20+, an ES module (save as .mjs), built-in fetch, no packages.
// export SIGNUP_TOKEN=...   (the token= value of the verification link in the email)
const baseUrl = process.env.JUMBE_BASE_URL ?? "http://localhost:8080";
const token = process.env.SIGNUP_TOKEN;
if (!token) {
  console.error("set SIGNUP_TOKEN to the token= value of the verification link in the email");
  process.exit(1);
}
const url = new URL(`${baseUrl}/api/signup/verify`);
url.searchParams.set("token", token);

const response = await fetch(url, { method: "GET", headers: { Accept: "application/json" } });
// Errors are application/problem+json with a stable "code".
console.log("HTTP", response.status);
console.log(await response.text());
