from enum import StrEnum


class Criterion(StrEnum):
    INFO_AVAILABILITY = "info_availability"
    PREMISES_COMFORT = "premises_comfort"
    PROVISION_TIME = "provision_time"
    QUEUE_WAIT = "queue_wait"
    STAFF_COURTESY = "staff_courtesy"

    def __str__(self) -> str:
        return str(self.value)
