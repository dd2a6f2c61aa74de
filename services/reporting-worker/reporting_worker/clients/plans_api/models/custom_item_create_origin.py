from enum import StrEnum


class CustomItemCreateOrigin(StrEnum):
    CUSTOM = "custom"
    PROPOSAL = "proposal"

    def __str__(self) -> str:
        return str(self.value)
