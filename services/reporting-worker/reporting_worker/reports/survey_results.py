"""Survey results per question for the report's period, as feedback-api's
GET /api/v1/surveys/runs/{id}/results?date_from&date_to gives them: only the fields the report
prints, read leniently so that feedback-api may add more."""

from pydantic import BaseModel, ConfigDict, Field


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


class _ValueCount(_Lenient):
    value: int
    count: int


class _Option(_Lenient):
    label: str
    count: int
    percent: float


class _Nps(_Lenient):
    score: float | None


class _Question(_Lenient):
    number: int
    kind: str
    text: str
    answered: int
    average: float | None = None
    distribution: list[_ValueCount] | None = None
    nps: _Nps | None = None
    options: list[_Option] | None = None
    latest_texts: list[str] | None = None


class RunResults(_Lenient):
    respondents: int
    questions: list[_Question]

    def report_questions(self) -> list[SurveyQuestion]:
        result = []
        for q in self.questions:
            answers = [
                AnswerShare(
                    label=str(v.value),
                    count=v.count,
                    percent=round(100 * v.count / q.answered, 1) if q.answered else None,
                )
                for v in q.distribution or []
            ] + [
                AnswerShare(label=o.label, count=o.count, percent=o.percent)
                for o in q.options or []
            ]
            result.append(
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
        return result
