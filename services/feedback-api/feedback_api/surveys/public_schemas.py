"""The public side of a survey: the form a respondent sees and the answers sent back."""

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, WithJsonSchema

from feedback_api.surveys.questions import MAX_OPTIONS, TEXT_ANSWER_MAX_LENGTH, SurveyAudience
from feedback_api.surveys.schemas import QuestionRead

# Read for the clients written before the typed fields; checked like them in the service. An
# empty schema (any JSON value) so that generated models still compile; `deprecated` in the spec.
LegacyAnswerValue = Annotated[
    Any,
    WithJsonSchema(
        {
            "deprecated": True,
            "description": "Deprecated: use `rating`, `choices` or `text`. Rating 1–5 or NPS "
            "0–10: a whole number; single choice: the option's id; multiple choice: a list of "
            "option ids; text: a string (up to 2000)",
        }
    ),
]


class PublicSurveyForm(BaseModel):
    title: str
    agency_name: str | None
    service_title: str | None
    audience: SurveyAudience
    ends_on: date | None = Field(description="Last day answers are taken; null: no end set")
    questions: list[QuestionRead]


class SurveyAnswerIn(BaseModel):
    """One answer: exactly one of `rating`, `choices` or `text`, the one the question's kind
    takes (a 422 names the field otherwise); null or left out means not given. A question that
    is not required is skipped by leaving it out of `answers`."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"question": 1, "rating": 4}, {"question": 4, "choices": [2, 4]}]
        },
    )

    question: int = Field(description="The question's `number` in the form")
    rating: StrictInt | None = Field(
        default=None, description="A rating question: 1–5; an NPS question: 0–10"
    )
    choices: list[StrictInt] | None = Field(
        default=None,
        max_length=MAX_OPTIONS,
        description="A single choice question: the chosen option's id, as a one-item list; a "
        "multiple choice question: the ids of every chosen option (each once)",
    )
    text: StrictStr | None = Field(
        default=None,
        description=f"A text question: the answer, up to {TEXT_ANSWER_MAX_LENGTH} characters",
    )
    value: LegacyAnswerValue = None

    def given(self) -> dict[str, Any]:
        """The fields sent with a value, by name."""
        fields = {"rating": self.rating, "choices": self.choices, "text": self.text}
        fields["value"] = self.value
        return {name: value for name, value in fields.items() if value is not None}

    @property
    def typed(self) -> bool:
        """False for a client that still sends the deprecated `value`."""
        return "value" not in self.model_fields_set


class SurveyResponseIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "respondent_token": "v1.s1xkQ0c3vY2m9ZpLwA4bRt.t4f9k2.Zm9vYmFyYmF6cXV4cXV1eA."
                    "3q2-7wQm9a0cX1yZ2b3c4d",
                    "answers": [
                        {"question": 1, "rating": 4},
                        {"question": 5, "choices": [2]},
                        {"question": 6, "choices": [2, 4]},
                        {"question": 7, "rating": 9},
                        {"question": 8, "text": "Больше окон приема в МФЦ"},
                    ],
                }
            ]
        },
    )

    respondent_token: str = Field(
        min_length=16,
        max_length=128,
        pattern=r"^[\x21-\x7e]+$",
        description="A token this service issued for this survey (POST "
        "`/api/v1/public/surveys/{token}/respondent-token`): one response per token. Tokens "
        "made up by the client are refused (422 `invalid_respondent_token`). Stored only as a "
        "hash.",
    )
    answers: list[SurveyAnswerIn] = Field(max_length=100)


class SurveyResponseReceipt(BaseModel):
    submitted_at: datetime
    message: str = Field(description="To show the respondent, in Russian")


class RespondentTokenOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "respondent_token": "v1.s1xkQ0c3vY2m9ZpLwA4bRt.t4f9k2.Zm9vYmFyYmF6cXV4cXV1eA."
                    "3q2-7wQm9a0cX1yZ2b3c4d",
                    "expires_at": "2026-12-31T09:00:00Z",
                }
            ]
        }
    )

    respondent_token: str = Field(
        description="Send it as `respondent_token` with the answers; keep it per browser or "
        "device for the survey"
    )
    expires_at: datetime = Field(description="Answers with it are taken until then")
