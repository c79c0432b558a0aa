"""Launch a draft: one charge, then sending (CAMPAIGN_ID, from createCampaign). Standard library only (urllib). Python 3.9+."""
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

base_url = os.environ.get("JUMBE_BASE_URL", "http://localhost:8080")
client_id = os.environ["JUMBE_CLIENT_ID"]
api_key = os.environ["JUMBE_API_KEY"]
campaign_id = os.environ.get("CAMPAIGN_ID")
if not campaign_id:
    sys.exit("Set CAMPAIGN_ID first: export CAMPAIGN_ID=CMP-...")
url = f"{base_url}/api/{client_id}/campaigns/{urllib.parse.quote(campaign_id, safe='')}/launch"

headers = {
    "Accept": "application/json",
    "X-API-Key": api_key,
    "Idempotency-Key": str(uuid.uuid4()),
}
body = None
request = urllib.request.Request(url, data=body, headers=headers, method="POST")

try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print("HTTP", response.status)
        print(response.read().decode())
except urllib.error.HTTPError as error:
    # Errors are application/problem+json with a stable "code".
    print("HTTP", error.code)
    print(error.read().decode())
