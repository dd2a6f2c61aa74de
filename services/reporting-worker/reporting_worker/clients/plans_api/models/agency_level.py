from enum import StrEnum


class AgencyLevel(StrEnum):
    FEDERAL = "federal"
    MUNICIPAL = "municipal"
    REGIONAL = "regional"

    def __str__(self) -> str:
        return str(self.value)
