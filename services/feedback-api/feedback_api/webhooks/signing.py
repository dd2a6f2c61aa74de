"""Signing webhook bodies: `X-Otklik-Signature: t=<unix time>,v1=<hex HMAC-SHA256>` over
`<t>.<raw body>` with the endpoint's secret, so a receiver can check origin and freshness."""

import hashlib
import hmac
import secrets

SIGNATURE_HEADER = "X-Otklik-Signature"
DELIVERY_HEADER = "X-Otklik-Delivery"
EVENT_HEADER = "X-Otklik-Event"
SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def signature(secret: str, timestamp: int, body: bytes) -> str:
    signed = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"
