"""The lexicon: cue words and phrases per pain category and per polarity, with weights.

The data lives in `lexicon.json`, written in ordinary Russian word forms; loading lemmatises
every cue with the same analyzer the classifier uses, so cues and texts always agree.

A cue is one word («очередь»), an ordered phrase whose words may be up to two words apart
(«долго ждать» matches «долго пришлось ждать»), or a co-occurrence «a + b» whose words only
have to meet in one clause («уведомление + прийти»). Cue kinds:
- present: the thing itself is the pain («хамство»); negated it is not («хамства не было»);
- absent: a need whose absence is the pain («дозвониться» → «не смог дозвониться»);
- aspect: a topic word that counts only in a clause that complains or asks («выплата»).
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from typing import Any

from otklik_shared.vocab import PainCategory


class CueKind(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    ASPECT = "aspect"


class Polarity(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"


@dataclass(frozen=True, slots=True)
class Cue:
    target: PainCategory | Polarity
    kind: CueKind
    lemmas: tuple[str, ...]
    weight: float
    # False for «a + b» cues: the words need only share a clause
    ordered: bool = True
    text: str = ""


@dataclass(frozen=True)
class NegationWords:
    # negate what follows: «не», «без», «никакой», «ни»
    forward: frozenset[str]
    # negate the side that holds the noun: «очереди нет», «нет очереди», «вывески никакой»
    either_way: frozenset[str]
    # verbs of being after «не» that turn it backwards: «не было», «не возникло»
    existential: frozenset[str]
    # words a forward negation passes over to reach its word: «не очень вежливо», «не смог»
    transparent: frozenset[str]
    # verbs whose negation is no complaint («не ожидала такого сервиса»); others are one:
    # «не выдают», «не применилась»
    benign: frozenset[str]
    # necessity words that turn a negation into relief: «не пришлось», «не нужно»
    relief: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    cues: tuple[Cue, ...]
    negation: NegationWords
    contrast: frozenset[str]
    question_words: frozenset[str]
    intensifiers: dict[str, float]
    threshold: float
    by_first_lemma: dict[str, tuple[Cue, ...]] = field(init=False)

    def __post_init__(self) -> None:
        index: dict[str, list[Cue]] = {}
        for cue in self.cues:
            index.setdefault(cue.lemmas[0], []).append(cue)
        object.__setattr__(self, "by_first_lemma", {k: tuple(v) for k, v in index.items()})

    def lemmas(self) -> set[str]:
        return {lemma for cue in self.cues for lemma in cue.lemmas}


Lemmatise = Callable[[str], str]


def _cue(
    target: PainCategory | Polarity, kind: CueKind, text: str, weight: float, lemma: Lemmatise
) -> Cue:
    ordered = "+" not in text
    words = text.replace("+", " ").split()
    return Cue(
        target=target,
        kind=kind,
        lemmas=tuple(lemma(w) for w in words),
        weight=float(weight),
        ordered=ordered,
        text=text,
    )


def _target_cues(
    target: PainCategory | Polarity, table: dict[str, dict[str, float]], lemma: Lemmatise
) -> Iterator[Cue]:
    for kind_name, cues in table.items():
        kind = CueKind(kind_name)
        for text, weight in cues.items():
            yield _cue(target, kind, text, weight, lemma)


def _words(values: list[str], lemma: Lemmatise) -> frozenset[str]:
    return frozenset(lemma(v) for v in values)


def _reject_duplicates(cues: list[Cue]) -> None:
    """Two spellings of one lemma («месяц», «месяцами») would silently count twice."""
    seen: dict[tuple[str, CueKind, tuple[str, ...]], str] = {}
    for cue in cues:
        key = (cue.target.value, cue.kind, cue.lemmas)
        if key in seen:
            raise ValueError(f"lexicon cues {seen[key]!r} and {cue.text!r} are the same lemmas")
        seen[key] = cue.text


def parse_lexicon(data: dict[str, Any], lemma: Lemmatise) -> Lexicon:
    cues: list[Cue] = []
    for name, table in data["categories"].items():
        cues += _target_cues(PainCategory(name), table, lemma)
    for name, table in data["sentiment"].items():
        cues += _target_cues(Polarity(name), table, lemma)
    _reject_duplicates(cues)
    negation = data["negation"]
    return Lexicon(
        cues=tuple(cues),
        negation=NegationWords(
            forward=_words(negation["forward"], lemma),
            either_way=_words(negation["either_way"], lemma),
            existential=_words(negation["existential"], lemma),
            transparent=_words(negation["transparent"], lemma),
            benign=_words(negation["benign"], lemma),
            relief=_words(negation["relief"], lemma),
        ),
        contrast=_words(data["contrast"], lemma),
        question_words=_words(data["question_words"], lemma),
        intensifiers={lemma(w): float(f) for w, f in data["intensifiers"].items()},
        threshold=float(data["threshold"]),
    )


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        raise ValueError(f"lexicon.json repeats {repeated}")
    return dict(pairs)


def load_lexicon(lemma: Lemmatise) -> Lexicon:
    text = resources.files(__package__).joinpath("lexicon.json").read_text(encoding="utf-8")
    return parse_lexicon(json.loads(text, object_pairs_hook=_unique_keys), lemma)
