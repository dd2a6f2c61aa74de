"""RFC 9457 problem details, the one error format of every Otklik API."""

from pydantic import BaseModel, ConfigDict, Field

PROBLEM_CONTENT_TYPE = "application/problem+json"


class FieldError(BaseModel):
    """One invalid input: where it was, which field, and what is wrong with it."""

    location: str = Field(examples=["body"], description="body, query, path, header or cookie")
    field: str = Field(examples=["rating"], description="Dotted path of the field in its location")
    message: str = Field(examples=["Input should be less than or equal to 5"])
    type: str = Field(examples=["less_than_equal"], description="Stable machine-readable code")


class Problem(BaseModel):
    """An error response (RFC 9457). `code` is stable; `title` and `detail` are for people."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "https://otklik.gov.ru/problems/validation-error",
                    "title": "Request validation failed",
                    "status": 422,
                    "detail": "1 field is invalid: body.rating",
                    "code": "validation_error",
                    "errors": [
                        {
                            "location": "body",
                            "field": "rating",
                            "message": "Input should be less than or equal to 5",
                            "type": "less_than_equal",
                        }
                    ],
                    "request_id": "2f1c7e0a9b8d4c3e",
                }
            ]
        }
    )

    type: str = Field(default="about:blank")
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    code: str = Field(description="Stable machine-readable error code")
    errors: list[FieldError] | None = None
    request_id: str | None = None
