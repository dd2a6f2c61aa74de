from enum import StrEnum


class ClientNeed(StrEnum):
    CONSULTATION = "consultation"
    FEEDBACK = "feedback"
    FEEDBACK_RESULT = "feedback_result"
    FORMS = "forms"
    INFORMATION = "information"
    INSPECTION = "inspection"
    OTHER = "other"
    RESULT = "result"
    STATUS = "status"
    SUBMISSION = "submission"

    def __str__(self) -> str:
        return str(self.value)
