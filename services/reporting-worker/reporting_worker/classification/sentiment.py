"""The comment's tone from its clauses' praise and complaints, and the star rating if given."""

from otklik_shared.events import Sentiment
from reporting_worker.classification.annotation import Clause

# what follows «но» decides the tone; what precedes it counts less
AFTER_CONTRAST = 1.5
BEFORE_CONTRAST = 0.6
# one star step away from 3 weighs like a mild cue word
RATING_STEP = 0.5
NEUTRAL_BAND = 0.35


def _clause_factor(clause: Clause) -> float:
    factor = 1.0
    if clause.after_contrast:
        factor *= AFTER_CONTRAST
    if clause.before_contrast:
        factor *= BEFORE_CONTRAST
    return factor


def tone(clauses: list[Clause], positive: list[float], negative: list[float]) -> float:
    """Above zero praises, below zero complains."""
    return sum(
        _clause_factor(clause) * (pos - neg)
        for clause, pos, neg in zip(clauses, positive, negative, strict=True)
    )


def decide_sentiment(score: float, rating: int | None) -> Sentiment:
    if rating is not None:
        score += (rating - 3) * RATING_STEP
    if score > NEUTRAL_BAND:
        return "positive"
    if score < -NEUTRAL_BAND:
        return "negative"
    return "neutral"
