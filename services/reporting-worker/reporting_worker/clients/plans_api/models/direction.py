from enum import StrEnum


class Direction(StrEnum):
    APPEALS = "appeals"
    CONTROL_SUPERVISION = "control_supervision"
    INFORMATION_ACCESS = "information_access"
    INTERNAL = "internal"
    OTHER = "other"
    STATE_SERVICES = "state_services"
    SUPPORT_MEASURES = "support_measures"

    def __str__(self) -> str:
        return str(self.value)
