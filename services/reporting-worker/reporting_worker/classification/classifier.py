"""The comment classifier: pain categories with scores and the sentiment of one comment."""

import functools
import math
from dataclasses import dataclass

from otklik_shared.events import Sentiment
from otklik_shared.vocab import PainCategory
from reporting_worker.classification.annotation import annotate
from reporting_worker.classification.evidence import weigh
from reporting_worker.classification.lexicon import Lexicon, load_lexicon
from reporting_worker.classification.morphology import Lemmatizer, Morphology
from reporting_worker.classification.sentiment import decide_sentiment, tone
from reporting_worker.classification.text import normalise
from reporting_worker.classification.typos import TypoCorrector

# the score given to `other` or `praise` when they stand in for "nothing else found"
FALLBACK_SCORE = 0.5


@dataclass(frozen=True, slots=True)
class Classification:
    # highest score first; never empty (`other` or `praise` when no pain is found)
    categories: list[tuple[PainCategory, float]]
    sentiment: Sentiment

    @property
    def category_codes(self) -> list[PainCategory]:
        return [category for category, _ in self.categories]


def _score(weight: float) -> float:
    return 1.0 - math.exp(-weight)


class Classifier:
    """Built once per process (loading the dictionary takes a fraction of a second)."""

    def __init__(self, lexicon: Lexicon, lemmatizer: Lemmatizer) -> None:
        self.lexicon = lexicon
        self._lemmatizer = lemmatizer

    @classmethod
    def build(cls, morphology: Morphology | None = None) -> "Classifier":
        morphology = morphology or Morphology()
        lexicon = load_lexicon(lambda word: morphology.analyse(word)[0].lemma)
        forms = {form: lemma for lemma in lexicon.lemmas() for form in morphology.forms(lemma)}
        return cls(lexicon, Lemmatizer(morphology, TypoCorrector(forms)))

    def lemma(self, word: str) -> str:
        """The lemma the classifier reads for a word (typos corrected)."""
        return self._lemmatizer.analyse(normalise(word)).lemma

    def classify(self, text: str, rating: int | None = None) -> Classification:
        """Pain categories (score in [0, 1], threshold applied) and sentiment of a comment;
        `rating` (1–5 stars), when known, shifts the sentiment."""
        annotated = annotate(text, self._lemmatizer, self.lexicon)
        evidence = weigh(annotated, self.lexicon)
        sentiment = decide_sentiment(
            tone(annotated.clauses, evidence.positive, evidence.negative), rating
        )
        scored = [
            (category, round(_score(weight), 3))
            for category, weight in evidence.category_weight.items()
        ]
        found = sorted(
            ((c, s) for c, s in scored if s >= self.lexicon.threshold),
            key=lambda item: (-item[1], item[0].value),
        )
        if not found:
            fallback = PainCategory.PRAISE if sentiment == "positive" else PainCategory.OTHER
            found = [(fallback, FALLBACK_SCORE)]
        return Classification(categories=found, sentiment=sentiment)


@functools.cache
def shared_classifier() -> Classifier:
    """The process's one classifier: the API and a worker in the same process share it."""
    return Classifier.build()
