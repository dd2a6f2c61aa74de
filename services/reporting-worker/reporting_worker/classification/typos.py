"""Typo tolerance: an unknown word is read as the lexicon word form it is one or two edits from.

Candidates come from a symmetric-delete index (each word form with every one-letter deletion),
so a lookup costs a few dozen dict probes instead of a scan of the vocabulary.
"""

from collections.abc import Iterable, Mapping

SHORTEST_CORRECTED = 5
# from this length on two edits are allowed («нивазможно», «госуслгуи» are one or two away)
TWO_EDITS_FROM = 8


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _variants(word: str, depth: int) -> set[str]:
    variants = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {shorter for w in frontier for shorter in _deletions(w)}
        variants |= frontier
    return variants


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours is one edit), capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class TypoCorrector:
    def __init__(self, forms: Mapping[str, str]) -> None:
        """`forms` maps each correct word form to its lemma."""
        self._lemma_of = dict(forms)
        self._index: dict[str, list[str]] = {}
        for form in forms:
            if len(form) >= SHORTEST_CORRECTED - 1:
                for variant in _variants(form, 1):
                    self._index.setdefault(variant, []).append(form)

    @property
    def size(self) -> int:
        return len(self._index)

    def correct(self, word: str) -> str | None:
        """The lemma of the nearest word form, or None when nothing is near enough."""
        if len(word) < SHORTEST_CORRECTED:
            return None
        limit = 2 if len(word) >= TWO_EDITS_FROM else 1
        candidates = self._candidates(_variants(word, limit))
        best: tuple[int, str] | None = None
        for form in candidates:
            distance = edit_distance(word, form, limit)
            if distance <= limit and (best is None or (distance, form) < best):
                best = (distance, form)
        return self._lemma_of[best[1]] if best else None

    def _candidates(self, variants: Iterable[str]) -> set[str]:
        return {form for variant in variants for form in self._index.get(variant, ())}
