from enum import StrEnum


class PlanRowReadOrigin(StrEnum):
    CUSTOM = "custom"
    PROPOSAL = "proposal"
    TEMPLATE = "template"

    def __str__(self) -> str:
        return str(self.value)
