from enum import StrEnum


class DoneItemOrigin(StrEnum):
    CUSTOM = "custom"
    PROPOSAL = "proposal"
    TEMPLATE = "template"

    def __str__(self) -> str:
        return str(self.value)
