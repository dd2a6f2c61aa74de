from enum import StrEnum


class Stage(StrEnum):
    ADDITIONAL_DOCUMENTS = "additional_documents"
    AFTER_RESULT = "after_result"
    APPLICATION = "application"
    APPOINTMENT = "appointment"
    CONSULTATION = "consultation"
    DECISION = "decision"
    INFORMATION = "information"
    INSPECTION = "inspection"
    PAYMENT = "payment"
    PROCESSING = "processing"
    RESULT = "result"

    def __str__(self) -> str:
        return str(self.value)
