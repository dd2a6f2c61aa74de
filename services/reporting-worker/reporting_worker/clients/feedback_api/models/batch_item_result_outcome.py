from enum import StrEnum


class BatchItemResultOutcome(StrEnum):
    CREATED = "created"
    REJECTED = "rejected"
    REPLAYED = "replayed"

    def __str__(self) -> str:
        return str(self.value)
