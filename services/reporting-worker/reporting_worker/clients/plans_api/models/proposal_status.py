from enum import StrEnum


class ProposalStatus(StrEnum):
    ACCEPTED = "accepted"
    NEW = "new"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
