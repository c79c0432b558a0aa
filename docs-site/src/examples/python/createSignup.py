"""Apply for an account (no API key): Jumbe emails a verification link. Standard library only (urllib). Python 3.9+."""
import json
import os
import urllib.error
import urllib.request

base_url = os.environ.get("JUMBE_BASE_URL", "http://localhost:8080")
url = f"{base_url}/api/signup"

headers = {
    "Accept": "application/json",
    "Content-Type": "application/json",
}
body = json.dumps({
    "name": "Falley Medical Center",
    "email": "ops@falley.co.ke",
    "phone": "0712345678",
    "sender_id": "FALLEY-MED",
    "use_case": "appointment reminders",
}).encode()
request = urllib.request.Request(url, data=body, headers=headers, method="POST")

try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print("HTTP", response.status)
        print(response.read().decode())
except urllib.error.HTTPError as error:
    # Errors are application/problem+json with a stable "code".
    print("HTTP", error.code)
    print(error.read().decode())
