"""A run's results from a few aggregate queries: respondents and dates, counts per question and
value, the latest texts. Nothing reads the answers one by one."""

import uuid
from collections import defaultdict
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.ingest.redaction import mask_personal_data
from feedback_api.surveys import repository
from feedback_api.surveys.models import SurveyRun
from feedback_api.surveys.questions import CHOICE_KINDS, SCALES, Instrument, Question, QuestionKind
from feedback_api.surveys.result_schemas import (
    InstrumentSummary,
    NpsBreakdown,
    OptionCount,
    QuestionResult,
    SurveyFacts,
    SurveyResults,
    ValueCount,
)
from feedback_api.surveys.service import get_visible_run, run_status, today_in_moscow
from otklik_kit.auth.keys import Principal
from otklik_kit.query_dates import moscow_days
from otklik_shared.measures import MOSCOW

LATEST_TEXTS = 5
# (score or option) → count, per question
Counts = dict[int, int]


def _percent(part: int, whole: int) -> float:
    return round(part * 100 / whole, 1) if whole else 0.0


def _nps(counts: Counts, answered: int) -> NpsBreakdown:
    promoters = sum(c for v, c in counts.items() if v >= 9)
    detractors = sum(c for v, c in counts.items() if v <= 6)
    score = round((promoters - detractors) * 100 / answered, 1) if answered else None
    return NpsBreakdown(
        promoters=promoters,
        passives=answered - promoters - detractors,
        detractors=detractors,
        score=score,
    )


def _score_result(number: int, question: Question, counts: Counts) -> QuestionResult:
    low, high = SCALES[question.kind]
    answered = sum(counts.values())
    total = sum(value * count for value, count in counts.items())
    return QuestionResult(
        number=number,
        kind=question.kind,
        text=question.text,
        answered=answered,
        average=round(total / answered, 2) if answered else None,
        distribution=[ValueCount(value=v, count=counts.get(v, 0)) for v in range(low, high + 1)],
        nps=_nps(counts, answered) if question.kind is QuestionKind.NPS else None,
    )


def _choice_result(
    number: int, question: Question, counts: Counts, respondents: int | None
) -> QuestionResult:
    # several options of one respondent count once in `answered`
    answered = sum(counts.values()) if respondents is None else respondents
    options = [
        OptionCount(
            id=i, label=label, count=counts.get(i, 0), percent=_percent(counts.get(i, 0), answered)
        )
        for i, label in enumerate(question.options or [], 1)
    ]
    return QuestionResult(
        number=number, kind=question.kind, text=question.text, answered=answered, options=options
    )


def _question_result(
    number: int,
    question: Question,
    counts: Counts,
    respondents: int | None,
    texts: list[str] | None,
) -> QuestionResult:
    if question.kind in SCALES:
        return _score_result(number, question, counts)
    if question.kind in CHOICE_KINDS:
        return _choice_result(number, question, counts, respondents)
    return QuestionResult(
        number=number,
        kind=question.kind,
        text=question.text,
        answered=counts.get(0, 0),
        latest_texts=[mask_personal_data(text) for text in texts or []],
    )


def period_end(run: SurveyRun, today: date) -> date:
    if run.closed_at is not None:
        end = run.closed_at.astimezone(MOSCOW).date()
    elif run.ends_on is not None and run.ends_on < today:
        end = run.ends_on
    else:
        end = today
    return max(end, run.starts_on)


def instrument_label(instrument: Instrument) -> str:
    parts = [f"Анкета «{instrument.title}»"]
    if instrument.methodology_form:
        parts.append(instrument.methodology_form)
    parts.append(f"вопросов: {len(instrument.questions)}")
    return ", ".join(parts)


async def _question_results(
    session: AsyncSession,
    run_id: uuid.UUID,
    questions: list[Question],
    within: repository.Within,
) -> list[QuestionResult]:
    counts: dict[int, Counts] = defaultdict(dict)
    for question, number, option, count in await repository.answer_counts(session, run_id, within):
        key = number if number is not None else option if option is not None else 0
        counts[question][key] = count
    multiple = [n for n, q in enumerate(questions, 1) if q.kind is QuestionKind.MULTIPLE_CHOICE]
    respondents = await repository.respondents_per_question(session, run_id, multiple, within)
    text_questions = [n for n, q in enumerate(questions, 1) if q.kind is QuestionKind.TEXT]
    texts = await repository.latest_texts(session, run_id, text_questions, LATEST_TEXTS)
    return [
        _question_result(
            n, q, counts.get(n, {}), respondents.get(n, 0) if n in multiple else None, texts.get(n)
        )
        for n, q in enumerate(questions, 1)
    ]


def _within(period: tuple[date, date] | None) -> repository.Within:
    if period is None:
        return None
    return moscow_days(*period)


async def run_results(
    session: AsyncSession,
    principal: Principal,
    run_id: uuid.UUID,
    *,
    link_template: str,
    period: tuple[date, date] | None = None,
) -> SurveyResults:
    """`link_template` is the survey link with `{token}` where the run's token goes; with a
    `period` (Moscow days) the respondents and the questions count only the responses submitted
    in it, while `facts` stay the run's."""
    run = await get_visible_run(session, principal, run_id)
    today = today_in_moscow()
    instrument = Instrument.model_validate(run.instrument)
    within = _within(period)
    respondents, first, last = await repository.response_summary(session, run.id, within)
    total = (
        respondents if within is None else (await repository.response_summary(session, run.id))[0]
    )
    facts = SurveyFacts(
        link=link_template.replace("{token}", run.token),
        start_date=run.starts_on,
        end_date=period_end(run, today),
        respondents=total,
        instrument=instrument_label(instrument),
    )
    summary = InstrumentSummary(
        question_count=len(instrument.questions),
        **instrument.model_dump(exclude={"questions"}),
    )
    return SurveyResults(
        run_id=run.id,
        title=run.title,
        status=run_status(run, today),
        as_of=datetime.now(MOSCOW),
        respondents=respondents,
        first_response_at=first,
        last_response_at=last,
        instrument=summary,
        facts=facts,
        questions=await _question_results(session, run.id, instrument.questions, within),
    )
