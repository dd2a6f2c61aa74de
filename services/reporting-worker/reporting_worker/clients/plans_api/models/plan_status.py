from enum import StrEnum


class PlanStatus(StrEnum):
    APPROVED = "approved"
    COMPLETED = "completed"
    DRAFT = "draft"

    def __str__(self) -> str:
        return str(self.value)
