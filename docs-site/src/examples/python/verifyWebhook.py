"""Verify a Jumbe webhook in Python 3.9+ with the standard library's hmac module.

The `standardwebhooks` package (pip install standardwebhooks) does the same:
    from standardwebhooks.webhooks import Webhook
    payload = Webhook(secret).verify(raw_body, headers)
"""
import base64
import hashlib
import hmac
import json
import time
from typing import Optional

TOLERANCE_SECONDS = 5 * 60


class WebhookVerificationError(Exception):
    pass


def verify(secret: str, headers: dict, raw_body: bytes, now: Optional[float] = None) -> dict:
    """Checks the signature over the RAW body bytes, then parses them. Raises on any doubt."""
    headers = {k.lower(): v for k, v in headers.items()}
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not (msg_id and timestamp and signatures):
        raise WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature")
    now = time.time() if now is None else now
    if abs(now - int(timestamp)) > TOLERANCE_SECONDS:
        raise WebhookVerificationError("timestamp outside the tolerance")
    key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
    signed = f"{msg_id}.{timestamp}.".encode() + raw_body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    # During a secret rotation the header carries several signatures separated by spaces.
    for candidate in signatures.split(" "):
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return json.loads(raw_body)
    raise WebhookVerificationError("no matching signature")


if __name__ == "__main__":
    # The Standard Webhooks published test vector.
    payload = verify(
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        {
            "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
            "webhook-timestamp": "1614265330",
            "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        },
        b'{"test": 2432232314}',
        now=1614265330,
    )
    print("verified", payload)
