"""Cue matches in an annotated text and what they weigh for each category and clause tone."""

from dataclasses import dataclass, field

from otklik_shared.vocab import PainCategory
from reporting_worker.classification.annotation import AnnotatedText, Word
from reporting_worker.classification.lexicon import Cue, CueKind, Lexicon, Polarity

# words of an ordered phrase may stand this many words apart («долго [пришлось] ждать»)
MAX_GAP = 2
# thanks in a clause that complains is mostly sarcasm («спасибо за три часа в очереди»)
SARCASM_DAMPING = 0.3
# «очереди не было» is a mild compliment, weaker than the complaint it denies
DENIED_PAIN_TONE = 0.5
# a question or a proposal names a problem without complaining much, and its «хорошо бы»
# praises nothing
ASKING_TONE = 0.25


# a verb that did not happen («не выдают») complains this much when no cue explains it
NEGATED_VERB_TONE = 0.5
_VERBAL_POS = frozenset({"VERB", "INFN", "PRTS", "GRND"})


@dataclass(frozen=True, slots=True)
class Hit:
    cue: Cue
    clause: int
    negated: bool
    intensity: float
    positions: tuple[int, ...]


@dataclass
class Evidence:
    hits: list[Hit]
    category_weight: dict[PainCategory, float] = field(default_factory=dict)
    # per clause: how much it praises and how much it complains
    positive: list[float] = field(default_factory=list)
    negative: list[float] = field(default_factory=list)


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


def _unexplained_negated_verbs(text: AnnotatedText, hits: list[Hit], lexicon: Lexicon) -> set[int]:
    """Clauses where something did not happen and no cue says what: «акт не выдают»."""
    explained = {p for hit in hits for p in hit.positions}
    return {
        word.clause
        for i, word in enumerate(text.words)
        if word.negation_target
        and word.pos in _VERBAL_POS
        and word.lemma not in lexicon.negation.benign
        and word.lemma not in lexicon.negation.existential
        and i not in explained
    }


def _complains(hit: Hit) -> bool:
    """Whether the hit by itself shows its clause complaining."""
    cue = hit.cue
    if cue.target is Polarity.NEGATIVE:
        return not hit.negated
    if cue.target is Polarity.POSITIVE:
        return hit.negated
    if cue.target is PainCategory.PRAISE:
        return False
    if cue.kind is CueKind.PRESENT:
        return not hit.negated
    return cue.kind is CueKind.ABSENT and hit.negated


def _pain_weight(hit: Hit, clause_complains: bool, clause_asks: bool) -> float:
    cue = hit.cue
    weight = cue.weight * hit.intensity
    if cue.kind is CueKind.PRESENT:
        return 0.0 if hit.negated else weight
    if cue.kind is CueKind.ABSENT:
        return weight if hit.negated else 0.0
    # a topic stays the topic under negation: «сидит без денег» is still about money
    return weight if clause_complains or clause_asks else 0.0


def weigh(text: AnnotatedText, lexicon: Lexicon) -> Evidence:
    hits = find_hits(text, lexicon)
    clauses = len(text.clauses)
    evidence = Evidence(hits, positive=[0.0] * clauses, negative=[0.0] * clauses)
    complains = [False] * clauses
    for clause in _unexplained_negated_verbs(text, hits, lexicon):
        complains[clause] = True
        evidence.negative[clause] += NEGATED_VERB_TONE
    for hit in hits:
        complains[hit.clause] = complains[hit.clause] or _complains(hit)
    # one cue counts once per text however often it occurs: its strongest occurrence
    best: dict[Cue, tuple[float, Hit]] = {}
    for hit in hits:
        weight = _hit_weight(hit, complains[hit.clause], text.clauses[hit.clause].asks)
        if hit.cue not in best or weight > best[hit.cue][0]:
            best[hit.cue] = (weight, hit)
    for weight, hit in best.values():
        _add(evidence, hit, weight, complains[hit.clause], text.clauses[hit.clause].asks)
    return evidence


def _hit_weight(hit: Hit, clause_complains: bool, clause_asks: bool) -> float:
    cue = hit.cue
    if cue.target is PainCategory.PRAISE or cue.target is Polarity.POSITIVE:
        if hit.negated:
            return cue.weight * hit.intensity
        damping = SARCASM_DAMPING if clause_complains else ASKING_TONE if clause_asks else 1.0
        return cue.weight * hit.intensity * damping
    if cue.target is Polarity.NEGATIVE:
        return cue.weight * hit.intensity
    return _pain_weight(hit, clause_complains, clause_asks)


def _add(
    evidence: Evidence, hit: Hit, weight: float, clause_complains: bool, clause_asks: bool
) -> None:
    cue, clause = hit.cue, hit.clause
    tone_factor = ASKING_TONE if clause_asks else 1.0
    if cue.target is Polarity.POSITIVE or cue.target is PainCategory.PRAISE:
        if hit.negated:
            evidence.negative[clause] += weight
            return
        evidence.positive[clause] += weight
        if cue.target is PainCategory.PRAISE:
            evidence.category_weight[cue.target] = (
                evidence.category_weight.get(cue.target, 0.0) + weight
            )
        return
    if cue.target is Polarity.NEGATIVE:
        if hit.negated:
            evidence.positive[clause] += weight * DENIED_PAIN_TONE
        else:
            evidence.negative[clause] += weight
        return
    category = cue.target
    if weight != 0:
        # negative weights let a context cancel a topic: «через Госуслуги» names a channel
        evidence.category_weight[category] = evidence.category_weight.get(category, 0.0) + weight
        evidence.negative[clause] += max(weight, 0.0) * tone_factor
    elif cue.kind is CueKind.PRESENT and hit.negated and not clause_complains:
        evidence.positive[clause] += cue.weight * DENIED_PAIN_TONE
