"""Per-form keys: a rendered form carries a key that makes its post idempotent (a resent form
makes one feedback) and tells when the form was opened (the interaction's time)."""

import re
import secrets
import time
from datetime import UTC, datetime, timedelta

FORM_KEY = re.compile(r"^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$")
OLDEST_FORM = timedelta(days=30)


def new_form_key() -> str:
    return f"{int(time.time() * 1000):x}.{secrets.token_urlsafe(16)}"


def opened_at(form_key: str, now: datetime) -> datetime | None:
    """When the form was opened; None for a key that is malformed, stale or in the future."""
    match = FORM_KEY.fullmatch(form_key)
    if match is None:
        return None
    moment = datetime.fromtimestamp(int(match.group(1), 16) / 1000, UTC)
    if moment > now + timedelta(minutes=1) or moment < now - OLDEST_FORM:
        return None
    return min(moment, now)
