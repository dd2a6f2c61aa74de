from enum import StrEnum


class ClientType(StrEnum):
    ENTREPRENEUR = "entrepreneur"
    FOREIGN_CITIZEN = "foreign_citizen"
    INDIVIDUAL = "individual"
    INTERNAL = "internal"
    LEGAL_ENTITY = "legal_entity"

    def __str__(self) -> str:
        return str(self.value)
