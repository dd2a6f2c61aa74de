"""Russian comments of citizens, written from templates per pain category (data/comments.json):
complaints for low ratings, mixed ones for middling, thanks and wishes for high ones."""

import functools
import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from otklik_kit.demo.generate.ratings import BY_PHONE_OR_CHAT, IN_PERSON
from otklik_shared.vocab import Channel
from otklik_shared.vocab import PainCategory as Pain

DATA_FILE = Path(__file__).parent.parent / "data" / "comments.json"
_GENDERED = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")
_SLOT = re.compile(r"\{(\w+)\}")
ONLINE = frozenset(
    {Channel.EPGU, Channel.REGIONAL_PORTAL, Channel.OFFICIAL_SITE, Channel.MOBILE_APP}
)


@dataclass(frozen=True, slots=True)
class Context:
    """What a comment may name: the service as a citizen says it, and where it happened."""

    service: str
    channel: Channel


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return data


class CommentWriter:
    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._data = _data()

    def complaint(self, pains: Sequence[Pain], context: Context, *, mixed: bool = False) -> str:
        """One sentence per pain; `mixed` (a middling rating) opens with a softer phrase."""
        rng = self._rng
        feminine = rng.random() < 0.55
        sentences = [self._fill(self._pick_complaint(pain), context, feminine) for pain in pains]
        if mixed:
            opener = self._fill(rng.choice(self._data["mixed_openers"]), context, feminine)
            sentences[0] = f"{opener} {sentences[0]}"
        for index in range(1, len(sentences)):
            sentences[index] = f"{rng.choice(self._data['joiners'])} {sentences[index]}"
        ending = "" if mixed else rng.choice(self._data["endings"]["negative"])
        return self._styled(" ".join(_capitalised(s) for s in [*sentences, ending] if s))

    def praise(self, context: Context, wish: Pain | None = None) -> str:
        """Thanks; with `wish`, a suggestion about that pain instead."""
        rng = self._rng
        feminine = rng.random() < 0.55
        if wish is not None:
            opener = rng.choice(self._data["wish_openers"])
            text = opener.replace("{wish}", self._data["wishes"][wish.value])
            return self._styled(_capitalised(self._fill(text, context, feminine)))
        text = self._fill(rng.choice(self._praise_for(context.channel)), context, feminine)
        ending = rng.choice(self._data["endings"]["positive"])
        if text.endswith("!"):
            ending = ""
        return self._styled(" ".join(_capitalised(s) for s in (text, ending) if s))

    def _praise_for(self, channel: Channel) -> list[str]:
        praise = self._data["praise"]
        if channel in IN_PERSON:
            own: list[str] = praise["in_person"]
        elif channel in BY_PHONE_OR_CHAT:
            own = praise["remote"]
        elif channel in ONLINE:
            own = praise["online"]
        else:  # a letter, a text message, a post in a social network
            own = []
        return [*praise["any"], *own]

    def _pick_complaint(self, pain: Pain) -> str:
        templates: list[str] = self._data["negative"][pain.value]
        return self._rng.choice(templates)

    def _fill(self, template: str, context: Context, feminine: bool) -> str:
        text = _GENDERED.sub(lambda m: m.group(2) if feminine else m.group(1), template)
        return _SLOT.sub(lambda m: self._slot(m.group(1), context), text)

    def _slot(self, name: str, context: Context) -> str:
        if name == "service":
            return context.service
        if name == "place":
            place: str = self._data["places"][context.channel.value]
            return place
        return str(self._rng.choice(self._data["slots"][name]))

    def _styled(self, text: str) -> str:
        """Some people write in lowercase without the final stop, some shout, some mistype."""
        roll = self._rng.random()
        if roll < 0.12:
            return text.lower().rstrip(".")
        if roll < 0.16 and text.endswith((".", "!")):
            return text[:-1] + "!!!"
        if roll < 0.20:
            return _typo(self._rng, text)
        return text


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _typo(rng: random.Random, text: str) -> str:
    """Two neighbouring letters swapped inside one longer word."""
    words = text.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w) >= 7 and w.isalpha()]
    if not long_words:
        return text
    index = rng.choice(long_words)
    word = words[index]
    at = rng.randrange(1, len(word) - 2)
    words[index] = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return " ".join(words)
