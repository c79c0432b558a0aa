"""Price an SMS without sending it. Standard library only (urllib). Python 3.9+."""
import json
import os
import urllib.error
import urllib.parse
import urllib.request

base_url = os.environ.get("JUMBE_BASE_URL", "http://localhost:8080")
client_id = os.environ["JUMBE_CLIENT_ID"]
api_key = os.environ["JUMBE_API_KEY"]
url = f"{base_url}/api/{client_id}/sms/quote"

headers = {
    "Accept": "application/json",
    "X-API-Key": api_key,
    "Content-Type": "application/json",
}
body = json.dumps({"recipients": ["254712345678", "254722000111"], "message": "Habari! Kliniki itafunguliwa saa mbili asubuhi."}).encode()
request = urllib.request.Request(url, data=body, headers=headers, method="POST")

try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print("HTTP", response.status)
        print(response.read().decode())
except urllib.error.HTTPError as error:
    # Errors are application/problem+json with a stable "code".
    print("HTTP", error.code)
    print(error.read().decode())
