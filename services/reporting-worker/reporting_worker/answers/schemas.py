from pydantic import BaseModel, Field

LABEL = "Доля удовлетворённых ответами"


class AnswerSatisfaction(BaseModel):
    """The KPI of the federal feedback platform: of the answers citizens rated in the period,
    the share they were satisfied with (each answer counted at its first rating)."""

    label: str = Field(default=LABEL, description="The KPI's name, in Russian")
    rated: int = Field(description="Answers rated by citizens in the period")
    satisfied: int = Field(description="Of them, rated «satisfied»")
    share: float | None = Field(description="satisfied / rated, %; null when none was rated")
    previous_rated: int
    previous_satisfied: int
    previous_share: float | None
    change: float | None = Field(description="share − previous_share, percentage points")
