"""Masking personal data in comments before they leave feedback-api in events.

Citizens write phone numbers, e-mails and document numbers into comments; the stored comment
stays as written (operators answer it), the copy in `feedback.received` is masked.
"""

import re

_PATTERNS = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-mail]"),
    # СНИЛС 123-456-789 01
    (re.compile(r"\b\d{3}-\d{3}-\d{3}[ -]?\d{2}\b"), "[СНИЛС]"),
    # phone numbers: +7 (912) 345-67-89, 8 912 345 67 89, 89123456789
    (
        re.compile(r"(?<!\w)(?:\+7|8)[\s\-(]*\d{3}[\s\-)]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)"),
        "[телефон]",
    ),
    # passport series and number: 45 06 123456, 4506123456
    (re.compile(r"\b\d{2}\s?\d{2}\s?\d{6}\b"), "[документ]"),
)


def mask_personal_data(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text
