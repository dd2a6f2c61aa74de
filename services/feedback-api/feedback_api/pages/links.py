"""Public links of citizens' pages. A touchpoint's rating page sits at a short path (for QR codes
and posters): `/r/{code}`, the code being the touchpoint id in base62 (22 characters at most)."""

from urllib.parse import urlencode
from uuid import UUID

from otklik_shared.vocab import Stage

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BASE = len(ALPHABET)
_MAX_CODE_LENGTH = 22  # 62**22 > 2**128
RATING_PREFIX = "/r/"


def short_code(value: UUID) -> str:
    number = value.int
    digits = []
    while True:
        number, digit = divmod(number, _BASE)
        digits.append(ALPHABET[digit])
        if number == 0:
            return "".join(reversed(digits))


def from_short_code(code: str) -> UUID | None:
    """The id a short code stands for; None for a code that no id encodes to."""
    if not code or len(code) > _MAX_CODE_LENGTH:
        return None
    number = 0
    for char in code:
        digit = ALPHABET.find(char)
        if digit < 0:
            return None
        number = number * _BASE + digit
    if number >= 1 << 128:
        return None
    return UUID(int=number)


def rating_path(
    touchpoint_id: UUID, *, service_id: UUID | None = None, stage: Stage | None = None
) -> str:
    """The rating page of a touchpoint, optionally preset to one of its services and a stage."""
    query = {}
    if service_id is not None:
        query["s"] = short_code(service_id)
    if stage is not None:
        query["stage"] = stage.value
    path = f"{RATING_PREFIX}{short_code(touchpoint_id)}"
    return f"{path}?{urlencode(query)}" if query else path
