from enum import StrEnum


class FeedbackStatus(StrEnum):
    ACKNOWLEDGED = "acknowledged"
    ANSWERED = "answered"
    CLOSED = "closed"
    IN_REVIEW = "in_review"
    RECEIVED = "received"

    def __str__(self) -> str:
        return str(self.value)
