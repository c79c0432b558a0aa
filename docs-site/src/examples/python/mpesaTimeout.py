"""What Safaricom sends: a queue timeout (MPESA_CALLBACK_TOKEN). Standard library only (urllib). Python 3.9+."""
import json
import os
import urllib.error
import urllib.parse
import urllib.request

base_url = os.environ.get("JUMBE_BASE_URL", "http://localhost:8080")
token = os.environ.get("MPESA_CALLBACK_TOKEN", "change-me")
url = f"{base_url}/api/webhooks/mpesa/timeout/{token}"

headers = {
    "Accept": "application/json",
    "Content-Type": "application/json",
}
body = json.dumps({"Body": {"stkCallback": {"MerchantRequestID": "98357-32706531-1", "CheckoutRequestID": "ws_CO_13102022155941641714596833", "ResultCode": 1037, "ResultDesc": "DS timeout user cannot be reached"}}}).encode()
request = urllib.request.Request(url, data=body, headers=headers, method="POST")

try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print("HTTP", response.status)
        print(response.read().decode())
except urllib.error.HTTPError as error:
    # Errors are application/problem+json with a stable "code".
    print("HTTP", error.code)
    print(error.read().decode())
