"""What Onfon sends: a delivery report as a POST (ONFON_DLR_TOKEN). Standard library only (urllib). Python 3.9+."""
import json
import os
import urllib.error
import urllib.parse
import urllib.request

base_url = os.environ.get("JUMBE_BASE_URL", "http://localhost:8080")
token = os.environ.get("ONFON_DLR_TOKEN", "change-me")
url = f"{base_url}/api/webhooks/onfon/dlr/{token}"

headers = {
    "Accept": "application/json",
    "Content-Type": "application/json",
}
body = json.dumps({"messageId": "7444f504-6760-43fd-9b40-2708da61d114", "mobile": "254712345678", "status": "DELIVRD", "errorCode": "000", "submitDate": "2026-04-08 09:30", "doneDate": "2026-04-08 09:31"}).encode()
request = urllib.request.Request(url, data=body, headers=headers, method="POST")

try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print("HTTP", response.status)
        print(response.read().decode())
except urllib.error.HTTPError as error:
    # Errors are application/problem+json with a stable "code".
    print("HTTP", error.code)
    print(error.read().decode())
