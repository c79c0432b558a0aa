"""Create a WhatsApp-template campaign draft for a group: each customer gets order_update with their own name and
order. Standard library only (urllib). Python 3.9+."""
import json
import os
import urllib.error
import urllib.request
import uuid

base_url = os.environ.get("JUMBE_BASE_URL", "http://localhost:8080")
client_id = os.environ["JUMBE_CLIENT_ID"]
api_key = os.environ["JUMBE_API_KEY"]
url = f"{base_url}/api/{client_id}/campaigns"

headers = {
    "Accept": "application/json",
    "X-API-Key": api_key,
    "Idempotency-Key": str(uuid.uuid4()),
    "Content-Type": "application/json",
}
body = json.dumps({
    "name": "Order updates",
    "channel": "whatsapp",
    "template": {"name": "order_update", "language": "en", "parameters": ["{{name}}", "{{attributes.order}}"]},
    "audience": {"groups": ["customers"]},
}).encode()
request = urllib.request.Request(url, data=body, headers=headers, method="POST")

try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print("HTTP", response.status)
        print(response.read().decode())
except urllib.error.HTTPError as error:
    # Errors are application/problem+json with a stable "code" (unknown_template, validation_failed, ...).
    print("HTTP", error.code)
    print(error.read().decode())
