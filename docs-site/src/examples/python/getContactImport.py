"""Follow an import (IMPORT_ID, from importContacts). Standard library only (urllib). Python 3.9+."""
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
import_id = os.environ.get("IMPORT_ID")
if not import_id:
    sys.exit("Set IMPORT_ID first: export IMPORT_ID=IMP-...")
url = f"{base_url}/api/{client_id}/contacts/import/{urllib.parse.quote(import_id, safe='')}"

headers = {
    "Accept": "application/json",
    "X-API-Key": api_key,
}
body = None
request = urllib.request.Request(url, data=body, headers=headers, method="GET")

try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print("HTTP", response.status)
        print(response.read().decode())
except urllib.error.HTTPError as error:
    # Errors are application/problem+json with a stable "code".
    print("HTTP", error.code)
    print(error.read().decode())
