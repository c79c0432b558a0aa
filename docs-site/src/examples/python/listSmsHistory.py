"""Every delivered message, 100 per page, by cursor: each page starts after the last id of the one before
(starting_after), so messages sent meanwhile neither repeat nor push others out. Standard library only (urllib). Python 3.9+."""
import json
import os
import urllib.error
import urllib.parse
import urllib.request

base_url = os.environ.get("JUMBE_BASE_URL", "http://localhost:8080")
client_id = os.environ["JUMBE_CLIENT_ID"]
api_key = os.environ["JUMBE_API_KEY"]
params = {"status": "delivered", "per_page": "100"}

headers = {
    "Accept": "application/json",
    "X-API-Key": api_key,
}
while True:
    url = f"{base_url}/api/{client_id}/sms/history?" + urllib.parse.urlencode(params)
    request = urllib.request.Request(url, headers=headers, method="GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read().decode()
            print("HTTP", response.status)
            print(body)
    except urllib.error.HTTPError as error:
        # Errors are application/problem+json with a stable "code".
        print("HTTP", error.code)
        print(error.read().decode())
        break
    page = json.loads(body)
    if not page.get("meta", {}).get("has_more"):
        break
    params["starting_after"] = page["data"][-1]["message_id"]
