"""Import contacts from CSV into a group. Standard library only (urllib). Python 3.9+."""
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
url = f"{base_url}/api/{client_id}/contacts/import" + "?" + urllib.parse.urlencode({"group": "parents-form-2"})

headers = {
    "Accept": "application/json",
    "X-API-Key": api_key,
    "Content-Type": "text/csv",
}
# A CSV file as the body; with a file on disk: body = open("contacts.csv", "rb").read()
body = "phone,name,student,groups\r\n0712345678,\"Otieno, Amina\",Baraka,parents-form-2\r\n0722110150,Brian Kamau,Wanjiru,parents-form-2\r\n".encode()
request = urllib.request.Request(url, data=body, headers=headers, method="POST")

try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print("HTTP", response.status)
        print(response.read().decode())
except urllib.error.HTTPError as error:
    # Errors are application/problem+json with a stable "code".
    print("HTTP", error.code)
    print(error.read().decode())
