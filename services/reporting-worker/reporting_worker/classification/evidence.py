"""What the cues found in a text weigh for each pain category and for each clause's tone.

A clause *complains* when a cue shows a pain in it (or a negative word, or a verb that did not
happen: «акт не выдают»). Topic words (aspects) count only in a complaining or asking clause,
and carry the blame alone when nothing else in the clause names the pain.
"""

from dataclasses import dataclass, field

from otklik_shared.vocab import PainCategory
from reporting_worker.classification.annotation import AnnotatedText
from reporting_worker.classification.lexicon import Cue, CueKind, Lexicon, Polarity
from reporting_worker.classification.matching import Hit, find_hits

# thanks in a clause that complains is mostly sarcasm («спасибо за три часа в очереди»)
SARCASM_DAMPING = 0.3
# «очереди не было» is a mild compliment, weaker than the complaint it denies
DENIED_PAIN_TONE = 0.5
# a question or a proposal names a problem without complaining much, and its «хорошо бы»
# praises nothing
ASKING_TONE = 0.15
# a verb that did not happen («не выдают») complains this much when no cue explains it
NEGATED_VERB_TONE = 0.5
# «специалист отвечал односложно, с явным нежеланием»: the complaint is about its topic
ORPHAN_ASPECT_BOOST = 1.8
_VERBAL_POS = frozenset({"VERB", "INFN", "PRTS", "GRND"})


@dataclass(slots=True)
class ClauseState:
    asks: bool
    complains: bool = False
    # a category cue (not a mere topic) already says what the complaint is about
    named: bool = False
    # when nothing names it, the complaint is about the clause's strongest topic
    blamed: PainCategory | None = None


@dataclass
class Evidence:
    hits: list[Hit]
    category_weight: dict[PainCategory, float] = field(default_factory=dict)
    # per clause: how much it praises and how much it complains
    positive: list[float] = field(default_factory=list)
    negative: list[float] = field(default_factory=list)

    def add_category(self, category: PainCategory, weight: float) -> None:
        self.category_weight[category] = self.category_weight.get(category, 0.0) + weight


def _is_pain(cue: Cue) -> bool:
    return isinstance(cue.target, PainCategory) and cue.target is not PainCategory.PRAISE


def _shows_pain(hit: Hit) -> bool:
    if not _is_pain(hit.cue):
        return False
    if hit.cue.kind is CueKind.PRESENT:
        return not hit.negated and hit.cue.weight > 0
    return hit.cue.kind is CueKind.ABSENT and hit.negated


def _complains(hit: Hit) -> bool:
    target = hit.cue.target
    if target is Polarity.NEGATIVE:
        return not hit.negated
    if target is Polarity.POSITIVE:
        return hit.negated
    return _shows_pain(hit)


def _unexplained_negated_verbs(text: AnnotatedText, hits: list[Hit], lexicon: Lexicon) -> set[int]:
    """Clauses where something did not happen and no cue says what: «акт не выдают»."""
    explained = {p for hit in hits for p in hit.positions}
    negation = lexicon.negation
    return {
        word.clause
        for i, word in enumerate(text.words)
        if word.negation_target
        and word.pos in _VERBAL_POS
        and word.lemma not in negation.benign
        and word.lemma not in negation.existential
        and i not in explained
    }


def _clause_states(
    text: AnnotatedText, hits: list[Hit], lexicon: Lexicon, evidence: Evidence
) -> list[ClauseState]:
    states = [ClauseState(asks=clause.asks) for clause in text.clauses]
    for clause in _unexplained_negated_verbs(text, hits, lexicon):
        states[clause].complains = True
        evidence.negative[clause] += NEGATED_VERB_TONE
    topics: list[dict[PainCategory, float]] = [{} for _ in states]
    for hit in hits:
        state = states[hit.clause]
        state.complains = state.complains or _complains(hit)
        state.named = state.named or _shows_pain(hit)
        if hit.cue.kind is CueKind.ASPECT and isinstance(hit.cue.target, PainCategory):
            weights = topics[hit.clause]
            weights[hit.cue.target] = weights.get(hit.cue.target, 0.0) + hit.cue.weight
    for state, weights in zip(states, topics, strict=True):
        if state.complains and not state.named and weights:
            state.blamed = max(weights, key=lambda category: weights[category])
    return states


def _pain_weight(hit: Hit, state: ClauseState) -> float:
    cue = hit.cue
    weight = cue.weight * hit.intensity
    if cue.kind is CueKind.PRESENT:
        return 0.0 if hit.negated else weight
    if cue.kind is CueKind.ABSENT:
        return weight if hit.negated else 0.0
    # a topic stays the topic under negation: «сидит без денег» is still about money
    if not (state.complains or state.asks):
        return 0.0
    return weight * ORPHAN_ASPECT_BOOST if cue.target is state.blamed else weight


def _hit_weight(hit: Hit, state: ClauseState) -> float:
    cue = hit.cue
    if cue.target is PainCategory.PRAISE or cue.target is Polarity.POSITIVE:
        if hit.negated:
            return cue.weight * hit.intensity
        damping = SARCASM_DAMPING if state.complains else ASKING_TONE if state.asks else 1.0
        return cue.weight * hit.intensity * damping
    if cue.target is Polarity.NEGATIVE:
        return cue.weight * hit.intensity
    return _pain_weight(hit, state)


def _add(evidence: Evidence, hit: Hit, weight: float, state: ClauseState) -> None:
    cue, clause = hit.cue, hit.clause
    if cue.target is Polarity.POSITIVE or cue.target is PainCategory.PRAISE:
        if hit.negated:
            evidence.negative[clause] += weight
            return
        evidence.positive[clause] += weight
        if cue.target is PainCategory.PRAISE:
            evidence.add_category(cue.target, weight)
    elif cue.target is Polarity.NEGATIVE:
        if hit.negated:
            evidence.positive[clause] += weight * DENIED_PAIN_TONE
        else:
            evidence.negative[clause] += weight
    elif weight != 0:
        # negative weights let a context cancel a topic: «кнопка оплаты» is about the site
        evidence.add_category(cue.target, weight)
        evidence.negative[clause] += max(weight, 0.0) * (ASKING_TONE if state.asks else 1.0)
    elif cue.kind is CueKind.PRESENT and hit.negated and not state.complains:
        evidence.positive[clause] += cue.weight * DENIED_PAIN_TONE


def weigh(text: AnnotatedText, lexicon: Lexicon) -> Evidence:
    hits = find_hits(text, lexicon)
    clauses = len(text.clauses)
    evidence = Evidence(hits, positive=[0.0] * clauses, negative=[0.0] * clauses)
    states = _clause_states(text, hits, lexicon, evidence)
    # one cue counts once per text however often it occurs: its strongest occurrence
    best: dict[Cue, tuple[float, Hit]] = {}
    for hit in hits:
        weight = _hit_weight(hit, states[hit.clause])
        if hit.cue not in best or weight > best[hit.cue][0]:
            best[hit.cue] = (weight, hit)
    for weight, hit in best.values():
        _add(evidence, hit, weight, states[hit.clause])
    return evidence
