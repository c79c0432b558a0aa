"""A minimal webhook receiver for your machine. Python 3.9+, standard library only.

    export JUMBE_WEBHOOK_SECRET=whsec_...   # the secret PUT /webhooks/config answered
    python3 receiveWebhook.py               # listens on http://127.0.0.1:8000/ (PORT to change)

It verifies the signature over the raw body, ignores an event it has already seen (same webhook-id)
and answers 204 at once; do slow work after answering (Jumbe waits 15 s at most).
"""
import base64
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

secret = os.environ.get("JUMBE_WEBHOOK_SECRET") or sys.exit("export JUMBE_WEBHOOK_SECRET=whsec_... first")
key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
seen = set()  # webhook-ids already handled; keep them in your database in production


def verified(headers, raw_body):
    msg_id, timestamp = headers.get("webhook-id", ""), headers.get("webhook-timestamp", "0")
    if not msg_id or abs(time.time() - int(timestamp)) > 5 * 60:
        return False
    signed = f"{msg_id}.{timestamp}.".encode() + raw_body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(s.partition(",")[2], expected)
               for s in headers.get("webhook-signature", "").split(" ") if s.startswith("v1,"))


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        raw_body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if not verified(self.headers, raw_body):
            self.send_response(400)
            self.end_headers()
            return
        msg_id = self.headers["webhook-id"]
        if msg_id not in seen:
            seen.add(msg_id)
            event = json.loads(raw_body)
            print("verified", event["event"], msg_id, "sequence", event["sequence"], flush=True)
        self.send_response(204)
        self.end_headers()


server = HTTPServer(("127.0.0.1", int(os.environ.get("PORT", "8000"))), Receiver)
print("listening on", server.server_address[1], flush=True)
server.serve_forever()
