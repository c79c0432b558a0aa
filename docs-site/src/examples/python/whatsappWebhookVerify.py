"""Python 3.9+. What Meta sends when the callback URL is set up: the verification challenge (WHATSAPP_VERIFY_TOKEN).
Standard library only (urllib)."""
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

base_url = os.environ.get("JUMBE_BASE_URL", "http://localhost:8080")
verify_token = os.environ.get("WHATSAPP_VERIFY_TOKEN")
if not verify_token:
    sys.exit("Set WHATSAPP_VERIFY_TOKEN first.")
query = urllib.parse.urlencode({"hub.mode": "subscribe", "hub.challenge": "1158201444", "hub.verify_token": verify_token})
request = urllib.request.Request(f"{base_url}/api/webhooks/whatsapp?{query}", method="GET")

try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print("HTTP", response.status)
        print(response.read().decode())
except urllib.error.HTTPError as error:
    print("HTTP", error.code)
    print(error.read().decode())
