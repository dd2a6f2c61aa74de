"""Survey results per question for the report's period, from feedback-api's
GET /api/v1/surveys/runs/{id}/results?date_from&date_to (read by `reporting_worker.upstream`)."""

from pydantic import BaseModel, ConfigDict, Field

from reporting_worker.upstream.models import SurveyResults


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore")


class AnswerShare(_Lenient):
    label: str = Field(description="The option, or the score")
    count: int
    percent: float | None = None


class SurveyQuestion(_Lenient):
    number: int
    kind: str = Field(examples=["rating", "nps", "single_choice", "text"])
    text: str
    answered: int = Field(description="Respondents of the period who answered it")
    average: float | None = Field(default=None, description="Ratings and NPS")
    nps: float | None = Field(default=None, description="NPS score, −100…100")
    answers: list[AnswerShare] = Field(
        default_factory=list, description="Scores or options with their counts"
    )
    latest_texts: list[str] = Field(default_factory=list, description="Text questions")


def report_questions(results: SurveyResults) -> list[SurveyQuestion]:
    """The period's answers per question, as the report prints them."""
    questions = []
    for q in results.questions:
        answers = [
            AnswerShare(
                label=str(v.value),
                count=v.count,
                percent=round(100 * v.count / q.answered, 1) if q.answered else None,
            )
            for v in q.distribution or []
        ] + [AnswerShare(label=o.label, count=o.count, percent=o.percent) for o in q.options or []]
        questions.append(
            SurveyQuestion(
                number=q.number,
                kind=q.kind,
                text=q.text,
                answered=q.answered,
                average=q.average,
                nps=q.nps.score if q.nps else None,
                answers=answers,
                latest_texts=q.latest_texts or [],
            )
        )
    return questions
