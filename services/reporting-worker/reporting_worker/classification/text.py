"""Text normalisation and tokenisation: lower case, ё → е, words, numbers and clause marks."""

import re
from dataclasses import dataclass
from enum import Enum


class TokenKind(Enum):
    WORD = "word"
    NUMBER = "number"
    # . ! ? ; and the like: a clause ends
    STOP = "stop"
    # , : — a pause that ends a negation's reach but not the clause
    PAUSE = "pause"


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    kind: TokenKind


# Hyphenated words stay whole («еле-еле», «колл-центр»); «8-800» is a number.
_TOKEN = re.compile(r"[a-zа-я]+(?:-[a-zа-я]+)*|\d+(?:[.,:\-]\d+)*|[.!?;…]+|[,:—–()\"«»]")
_STOP_CHARS = frozenset(".!?;…")


def normalise(text: str) -> str:
    return text.lower().replace("ё", "е")


def tokenise(text: str) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(normalise(text)):
        value = match.group()
        if value[0].isalpha():
            kind = TokenKind.WORD
        elif value[0].isdigit():
            kind = TokenKind.NUMBER
        elif value[0] in _STOP_CHARS:
            kind = TokenKind.STOP
        else:
            kind = TokenKind.PAUSE
        tokens.append(Token(value, kind))
    return tokens
