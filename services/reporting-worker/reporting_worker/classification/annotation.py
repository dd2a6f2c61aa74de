"""A text as lemmas in clauses, each word marked negated or not and with its intensity.

Clauses end at . ! ? ; and before a contrast («но», «однако», «зато», «, а»): what follows a
contrast decides the tone. Segments also end at commas and colons; a negation never reaches
past its segment.
"""

import itertools
from dataclasses import dataclass, field

from reporting_worker.classification.lexicon import Lexicon, NegationWords
from reporting_worker.classification.morphology import Lemmatizer
from reporting_worker.classification.text import TokenKind, tokenise

NUMBER_LEMMA = "#"
# parts of speech a negation passes over on its way to the word it negates
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO"})
_ATTRIBUTE_POS = frozenset({"ADJF", "PRTF", "NUMR", "NUMB"})
_CONTENT_POS = frozenset({"NOUN", "VERB", "INFN", "ADJF", "ADJS", "PRTF", "PRTS", "ADVB", "GRND"})
# «не» negates the first content word; «без», «никакой», «ни», «нет» a whole noun group
_PARTICLE_NEGATOR = "не"
# «, а» is a contrast; a bare «а» starting a text or after «и» is not worth a clause break
_WEAK_CONTRAST = "а"
FORWARD_REACH = 4
BACKWARD_REACH = 4


@dataclass(slots=True)
class Word:
    lemma: str
    pos: str | None
    clause: int
    segment: int
    # index of the negating word, when negated
    negated_by: int | None = None
    # the word a forward negation ends on («не [смог] дозвониться»): what did not happen
    negation_target: bool = False
    intensity: float = 1.0
    surface: str = ""

    @property
    def negated(self) -> bool:
        return self.negated_by is not None


@dataclass(slots=True)
class Clause:
    # ends with «?» or asks/proposes («подскажите», «хотелось бы», «предлагаю»)
    asks: bool = False
    # starts with a contrast: the part after «но» that decides the tone
    after_contrast: bool = False
    # is followed by a contrast clause
    before_contrast: bool = False


@dataclass
class AnnotatedText:
    words: list[Word] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=lambda: [Clause()])


def _split(text: str, lemmatizer: Lemmatizer, lexicon: Lexicon) -> AnnotatedText:
    result = AnnotatedText()
    clause, segment = 0, 0
    after_pause = False

    def open_clause(*, contrast: bool) -> None:
        nonlocal clause, segment
        if result.words and result.words[-1].clause == clause:
            result.clauses[clause].before_contrast = contrast
            result.clauses.append(Clause(after_contrast=contrast))
            clause += 1
        segment += 1

    for token in tokenise(text):
        if token.kind is TokenKind.STOP:
            if "?" in token.text:
                result.clauses[clause].asks = True
            open_clause(contrast=False)
            after_pause = False
            continue
        if token.kind is TokenKind.PAUSE:
            segment += 1
            after_pause = True
            continue
        if token.kind is TokenKind.NUMBER:
            result.words.append(Word(NUMBER_LEMMA, "NUMB", clause, segment, surface=token.text))
        else:
            analysis = lemmatizer.analyse(token.text)
            lemma = analysis.lemma
            if lemma in lexicon.contrast and (lemma != _WEAK_CONTRAST or after_pause):
                open_clause(contrast=True)
                after_pause = False
                continue
            if lemma in lexicon.question_words:
                result.clauses[clause].asks = True
            result.words.append(Word(lemma, analysis.pos, clause, segment, surface=token.text))
        after_pause = False
    return result


def _passed_by_negation(word: Word, transparent: frozenset[str], passes_attributes: bool) -> bool:
    return (
        word.pos in _FUNCTION_POS
        or word.pos is None
        or word.lemma in transparent
        or (passes_attributes and word.pos in _ATTRIBUTE_POS)
    )


def _negate_forward(words: list[Word], start: int, negation: NegationWords) -> None:
    negator = words[start]
    passes_attributes = negator.lemma != _PARTICLE_NEGATOR
    relief = False
    for steps, word in enumerate(words[start + 1 :]):
        if word.segment != negator.segment or steps >= FORWARD_REACH:
            return
        word.negated_by = start
        # «не пришлось бегать» is a relief, «не смог войти» a failure
        relief = relief or word.lemma in negation.relief
        if not _passed_by_negation(word, negation.transparent, passes_attributes):
            word.negation_target = not relief
            return


def _negate_backward(words: list[Word], end: int, transparent: frozenset[str]) -> None:
    segment = words[end].segment
    steps = 0
    for word in reversed(words[:end]):
        if word.segment != segment or steps >= BACKWARD_REACH:
            return
        word.negated_by = end
        # «информации о статусе льготы нигде нет»: only content words use up the reach
        if word.pos in _CONTENT_POS and word.lemma not in transparent:
            steps += 1


def _content_before(words: list[Word], index: int) -> bool:
    segment = words[index].segment
    return any(w.segment == segment and w.pos in _CONTENT_POS for w in words[:index])


def _content_after(words: list[Word], index: int, transparent: frozenset[str]) -> bool:
    segment = words[index].segment
    return any(
        w.segment == segment and w.pos in _CONTENT_POS and w.lemma not in transparent
        for w in words[index + 1 :]
    )


def _mark_negation(words: list[Word], lexicon: Lexicon) -> None:
    negation = lexicon.negation
    for i, word in enumerate(words):
        following = words[i + 1].lemma if i + 1 < len(words) else ""
        if word.lemma == _PARTICLE_NEGATOR and following in negation.existential:
            # «очереди не было» negates what precedes, «не было очереди» what follows
            if _content_before(words, i):
                _negate_backward(words, i, negation.transparent)
            _negate_forward(words, i, negation)
        elif word.lemma in negation.either_way:
            # «очереди нет» / «нет очереди»: whichever side has the noun
            if _content_after(words, i, negation.transparent):
                _negate_forward(words, i, negation)
            elif _content_before(words, i):
                _negate_backward(words, i, negation.transparent)
        elif word.lemma in negation.forward:
            _negate_forward(words, i, negation)
        elif word.pos == "COMP" and word.surface.startswith("по"):
            # «можно было и повежливее»: a wish for more of it is a lack of it
            word.negated_by = i


def _mark_intensity(words: list[Word], lexicon: Lexicon) -> None:
    for previous, word in itertools.pairwise(words):
        factor = lexicon.intensifiers.get(previous.lemma)
        if factor is not None and previous.segment == word.segment:
            word.intensity = factor


def annotate(text: str, lemmatizer: Lemmatizer, lexicon: Lexicon) -> AnnotatedText:
    result = _split(text, lemmatizer, lexicon)
    _mark_negation(result.words, lexicon)
    _mark_intensity(result.words, lexicon)
    return result
