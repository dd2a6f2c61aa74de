"""The public side of a survey: the form a respondent sees and the answers sent back."""

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from feedback_api.surveys.questions import SurveyAudience
from feedback_api.surveys.schemas import QuestionRead

# Checked against the question in the service, so each mistake is named `answers[i].value`.
AnswerValue = Annotated[
    Any,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer"},
                {"type": "array", "items": {"type": "integer"}},
                {"type": "string"},
                {"type": "null"},
            ],
            "description": "rating 1–5 or NPS 0–10: a whole number; single choice: the "
            "option's id; multiple choice: a list of option ids; text: a string (up to 2000)",
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
    model_config = ConfigDict(extra="forbid")

    question: int = Field(description="The question's `number` in the form")
    value: AnswerValue = None


class SurveyResponseIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "respondent_token": "v1.s1xkQ0c3vY2m9ZpLwA4bRt.t4f9k2.Zm9vYmFyYmF6cXV4cXV1eA."
                    "3q2-7wQm9a0cX1yZ2b3c4d",
                    "answers": [
                        {"question": 1, "value": 4},
                        {"question": 5, "value": 2},
                        {"question": 6, "value": [2, 4]},
                        {"question": 7, "value": 9},
                        {"question": 8, "value": "Больше окон приема в МФЦ"},
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
