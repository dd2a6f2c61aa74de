"""Finding the lexicon's cues in an annotated text."""

from dataclasses import dataclass

from reporting_worker.classification.annotation import AnnotatedText, Word
from reporting_worker.classification.lexicon import Cue, Lexicon

# words of an ordered phrase may stand this many words apart («долго [пришлось] ждать»)
MAX_GAP = 2


@dataclass(frozen=True, slots=True)
class Hit:
    cue: Cue
    clause: int
    negated: bool
    intensity: float
    positions: tuple[int, ...]


def _ordered_match(words: list[Word], start: int, lemmas: tuple[str, ...]) -> list[int] | None:
    positions = [start]
    for lemma in lemmas[1:]:
        last = positions[-1]
        window = range(last + 1, min(len(words), last + 2 + MAX_GAP))
        found = next(
            (
                k
                for k in window
                if words[k].lemma == lemma and words[k].clause == words[last].clause
            ),
            None,
        )
        if found is None:
            return None
        positions.append(found)
    return positions


def _clause_match(
    words: list[Word], start: int, lemmas: tuple[str, ...], clause_words: dict[int, list[int]]
) -> list[int] | None:
    positions = [start]
    in_clause = clause_words[words[start].clause]
    for lemma in lemmas[1:]:
        found = next((k for k in in_clause if words[k].lemma == lemma), None)
        if found is None:
            return None
        positions.append(found)
    return positions


def _hit(cue: Cue, words: list[Word], positions: tuple[int, ...]) -> Hit:
    # a negator inside the cue is part of its meaning («вернуть без рассмотрения»)
    negated = any(
        (by := words[p].negated_by) is not None and (by == p or by not in positions)
        for p in positions
    )
    intensity = max(words[p].intensity for p in positions)
    return Hit(cue, words[positions[0]].clause, negated, intensity, positions)


def _drop_denied_words(hits: list[Hit]) -> list[Hit]:
    """«не стою в очереди» denies the queue: the lone «очередь» inside it is no complaint."""
    denied = {
        (hit.cue.target, p)
        for hit in hits
        if hit.negated and len(hit.positions) > 1
        for p in hit.positions
    }
    return [
        hit
        for hit in hits
        if hit.negated or len(hit.positions) > 1 or (hit.cue.target, hit.positions[0]) not in denied
    ]


def find_hits(text: AnnotatedText, lexicon: Lexicon) -> list[Hit]:
    words = text.words
    clause_words: dict[int, list[int]] = {}
    for i, word in enumerate(words):
        clause_words.setdefault(word.clause, []).append(i)
    hits = []
    for i, word in enumerate(words):
        for cue in lexicon.by_first_lemma.get(word.lemma, ()):
            if len(cue.lemmas) == 1:
                positions: list[int] | None = [i]
            elif cue.ordered:
                positions = _ordered_match(words, i, cue.lemmas)
            else:
                positions = _clause_match(words, i, cue.lemmas, clause_words)
            if positions is not None:
                hits.append(_hit(cue, words, tuple(positions)))
    return _drop_denied_words(hits)
