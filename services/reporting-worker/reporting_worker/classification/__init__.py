"""Pain categories and sentiment of citizens' comments: a lexicon + lemma + rules classifier."""

from reporting_worker.classification.classifier import Classification, Classifier

__all__ = ["Classification", "Classifier"]
