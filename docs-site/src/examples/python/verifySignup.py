"""Python 3.9+. Confirm the address: what opening the emailed link does. Standard library only (urllib).

export SIGNUP_TOKEN=...   (the token= value of the verification link in the email)
"""
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

base_url = os.environ.get("JUMBE_BASE_URL", "http://localhost:8080")
token = os.environ.get("SIGNUP_TOKEN")
if not token:
    sys.exit("set SIGNUP_TOKEN to the token= value of the verification link in the email")
url = f"{base_url}/api/signup/verify?" + urllib.parse.urlencode({"token": token})

request = urllib.request.Request(url, headers={"Accept": "application/json"}, method="GET")

try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print("HTTP", response.status)
        print(response.read().decode())
except urllib.error.HTTPError as error:
    # Errors are application/problem+json with a stable "code".
    print("HTTP", error.code)
    print(error.read().decode())
