"""Text bound for documents: XML (DOCX, XLSX) cannot hold most control characters, and people's
text (comments, names pasted from elsewhere) sometimes carries them."""

import re

_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """The text without what XML 1.0 cannot hold: C0 controls other than tab and line breaks,
    lone surrogates, U+FFFE and U+FFFF."""
    return _NOT_IN_XML.sub("", text)
