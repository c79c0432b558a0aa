"""Let a number be messaged again (OPT_OUT_PHONE). Standard library only (urllib). Python 3.9+."""
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
opt_out_phone = os.environ.get("OPT_OUT_PHONE")
if not opt_out_phone:
    sys.exit("Set OPT_OUT_PHONE first: export OPT_OUT_PHONE=0722110160")
url = f"{base_url}/api/{client_id}/opt-outs/{urllib.parse.quote(opt_out_phone, safe='')}"

headers = {
    "Accept": "application/json",
    "X-API-Key": api_key,
}
body = None
request = urllib.request.Request(url, data=body, headers=headers, method="DELETE")

try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print("HTTP", response.status)
        print(response.read().decode())
except urllib.error.HTTPError as error:
    # Errors are application/problem+json with a stable "code".
    print("HTTP", error.code)
    print(error.read().decode())
