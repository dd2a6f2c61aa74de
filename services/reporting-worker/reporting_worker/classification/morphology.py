"""Lemmas and parts of speech from pymorphy3, cached: the analyzer is the classifier's hot spot."""

from dataclasses import dataclass
from functools import lru_cache

import pymorphy3

from reporting_worker.classification.typos import TypoCorrector

# enough for the working vocabulary of citizens' comments; each entry is a few hundred bytes
CACHE_SIZE = 100_000
# participles and gerunds multiply a verb's forms tenfold and are rarely misspelt in comments;
# leaving them out of the typo index keeps it small
_UNCORRECTED_POS = frozenset({"PRTF", "PRTS", "GRND"})


@dataclass(frozen=True, slots=True)
class WordAnalysis:
    lemma: str
    # OpenCorpora part of speech (NOUN, VERB, INFN, ADJF, PRCL, PREP…), None when unknown
    pos: str | None


class Morphology:
    """Dictionary analysis of single words, with every result cached."""

    def __init__(self, analyzer: pymorphy3.MorphAnalyzer | None = None) -> None:
        self._analyzer = analyzer or pymorphy3.MorphAnalyzer()
        self.analyse = lru_cache(maxsize=CACHE_SIZE)(self._analyse)

    def _analyse(self, word: str) -> tuple[WordAnalysis, bool]:
        """The most probable analysis and whether the dictionary knows the word."""
        known = bool(self._analyzer.word_is_known(word))
        best = self._analyzer.parse(word)[0]
        lemma = str(best.normal_form).replace("ё", "е")
        pos = best.tag.POS
        return WordAnalysis(lemma=lemma, pos=str(pos) if pos else None), known

    def forms(self, lemma: str) -> set[str]:
        """The inflected forms of a dictionary lemma a typo may be read as; just the lemma for a
        word the dictionary does not know (a guessed paradigm invents forms: «хамло» → «хамть»)."""
        forms = {lemma}
        if not self._analyzer.word_is_known(lemma):
            return forms
        for parse in self._analyzer.parse(lemma):
            if str(parse.normal_form).replace("ё", "е") == lemma:
                forms |= {
                    str(form.word).replace("ё", "е")
                    for form in parse.lexeme
                    if form.tag.POS not in _UNCORRECTED_POS
                }
        return forms


class Lemmatizer:
    """Dictionary lemmas, with unknown words read as the nearest lexicon word (typos)."""

    def __init__(self, morphology: Morphology, corrector: TypoCorrector) -> None:
        self._morphology = morphology
        self._corrector = corrector
        self.analyse = lru_cache(maxsize=CACHE_SIZE)(self._analyse)

    def _analyse(self, word: str) -> WordAnalysis:
        analysis, known = self._morphology.analyse(word)
        if known:
            return analysis
        corrected = self._corrector.correct(word)
        if corrected is None:
            return analysis
        return WordAnalysis(lemma=corrected, pos=self._morphology.analyse(corrected)[0].pos)
