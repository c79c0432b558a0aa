"""Python 3.9+. What Meta sends: a status notification, signed with the app secret (WHATSAPP_APP_SECRET) over the exact bytes.
Standard library only (urllib)."""
import hashlib
import hmac
import json
import os
import urllib.error
import urllib.request

base_url = os.environ.get("JUMBE_BASE_URL", "http://localhost:8080")
app_secret = os.environ.get("WHATSAPP_APP_SECRET", "simulator-app-secret")
url = f"{base_url}/api/webhooks/whatsapp"

body = json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "200000000000001", "changes": [{
    "field": "messages", "value": {"messaging_product": "whatsapp",
                                   "metadata": {"display_phone_number": "15550984277", "phone_number_id": "100000000000001"},
                                   "statuses": [{"id": "wamid.EXAMPLE", "status": "delivered", "timestamp": "1694492484",
                                                 "recipient_id": "254712345678"}]}}]}]}).encode()
# The signature covers these exact bytes: never re-serialise the JSON after signing it.
signature = "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
headers = {"Content-Type": "application/json", "X-Hub-Signature-256": signature}
request = urllib.request.Request(url, data=body, headers=headers, method="POST")

try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print("HTTP", response.status)
        print(response.read().decode())
except urllib.error.HTTPError as error:
    print("HTTP", error.code)
    print(error.read().decode())
