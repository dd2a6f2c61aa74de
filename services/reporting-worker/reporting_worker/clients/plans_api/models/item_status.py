from enum import StrEnum


class ItemStatus(StrEnum):
    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    OVERDUE = "overdue"

    def __str__(self) -> str:
        return str(self.value)
