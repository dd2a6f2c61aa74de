from enum import StrEnum


class RunStatus(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
