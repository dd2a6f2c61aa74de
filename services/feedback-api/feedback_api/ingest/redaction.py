"""Masking personal data that citizens type into comments.

The masked text is what leaves feedback-api without the `feedback:contacts` scope: events, the
feedback-records export, the operators' list, detail, timeline and file exports, survey texts.
Numbers are masked by their shape and, where the document has one, by its checksum (cards and
the unified OMS policy number: Luhn; SNILS, INN: their own), so order numbers, amounts and dates
stay. A bare 10-digit order number passes the INN checksum one time in ten and is then masked:
a price paid for not missing INNs.
"""

import re
from collections.abc import Callable

Label = Callable[[str, str], str | None]

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# a passport named as such: «серия 4510 номер 123456», «паспорт 45 10 № 123456»
_PASSPORT_WORDS = re.compile(
    r"(?i)(?:паспорт\w*|серия|сер\.)\s*:?\s*\d{2}\s?\d{2}\s*"
    r"(?:(?:номер|ном\.|№|n)\s*:?\s*)?\d{6}(?!\d)"
)
_POLICY_WORDS = re.compile(r"(?i)(?:полис\w*|омс|енп)\D{0,20}$")
_START = r"(?<![\w+\-/])(?<!\d[.,])"
_END = r"(?![\w/]|[.,]\d)"
# +7 or 8 and ten digits, with the spaces, dashes and brackets people write between them
_PHONE = re.compile(_START + r"(?:\+7|8)(?:[\s\-()]{0,2}\d){10}" + _END)
_MOBILE = re.compile(_START + r"\(?9\d{2}\)?[\s\-]{0,2}\d{3}[\s\-]?\d{2}[\s\-]?\d{2}" + _END)
_SNILS = re.compile(_START + r"\d{3}[\s\-]\d{3}[\s\-]\d{3}[\s\-]{1,2}\d{2}" + _END)
_SIXTEEN = re.compile(_START + r"\d{4}([ \-]?)\d{4}\1\d{4}\1\d{4}" + _END)
_DIGITS = re.compile(_START + r"\d{10,19}" + _END)
_PASSPORT = re.compile(_START + r"\d{2} ?\d{2} \d{6}" + _END)


def luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def snils(digits: str) -> bool:
    total = sum(int(d) * (9 - i) for i, d in enumerate(digits[:9]))
    while total > 101:
        total %= 101
    return (0 if total in (100, 101) else total) == int(digits[9:])


def _inn_digit(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def inn10(digits: str) -> bool:
    return _inn_digit(digits, (2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(digits[9])


def inn12(digits: str) -> bool:
    first = _inn_digit(digits, (7, 2, 4, 10, 3, 5, 9, 4, 6, 8))
    second = _inn_digit(digits, (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8))
    return first == int(digits[10]) and second == int(digits[11])


def _sixteen(digits: str, before: str) -> str | None:
    """A card or a unified OMS policy number: the policy's check digit (FFOMS order 79) works
    out to Luhn's, so only the words before it tell which; a policy is masked even when its
    check digit is wrong if it is named."""
    if _POLICY_WORDS.search(before):
        return "[полис]"
    return "[карта]" if luhn(digits) else None


def _checked(digits: str, before: str) -> str | None:
    """A bare run of digits: what its length and checksum say it is."""
    if len(digits) == 16:
        return _sixteen(digits, before)
    if len(digits) == 11 and snils(digits):
        return "[СНИЛС]"
    if (len(digits) == 12 and inn12(digits)) or (len(digits) == 10 and inn10(digits)):
        return "[ИНН]"
    if 13 <= len(digits) <= 19 and luhn(digits):
        return "[карта]"
    return None


def _always(label: str) -> Label:
    return lambda _digits, _before: label


RULES: tuple[tuple[re.Pattern[str], Label], ...] = (
    (_PHONE, _always("[телефон]")),
    (_SNILS, _always("[СНИЛС]")),
    (_SIXTEEN, _sixteen),
    (_DIGITS, _checked),
    (_MOBILE, _always("[телефон]")),
    (_PASSPORT, _always("[документ]")),
)


def _masker(label: Label) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group())
        before = match.string[max(0, match.start() - 30) : match.start()]
        return label(digits, before) or match.group()

    return replace


def mask_personal_data(text: str) -> str:
    text = _EMAIL.sub("[e-mail]", text)
    text = _PASSPORT_WORDS.sub("[документ]", text)
    for pattern, label in RULES:
        text = pattern.sub(_masker(label), text)
    return text


def has_personal_data(text: str | None) -> bool:
    return text is not None and mask_personal_data(text) != text
