from enum import StrEnum


class PainCategory(StrEnum):
    CONTACT_CENTER = "contact_center"
    DEADLINES = "deadlines"
    DIGITAL_SERVICE = "digital_service"
    DOCUMENTS = "documents"
    INFORMATION = "information"
    NOTIFICATION = "notification"
    OTHER = "other"
    PAYMENT = "payment"
    PRAISE = "praise"
    PREMISES = "premises"
    REFUSAL = "refusal"
    STAFF_CONDUCT = "staff_conduct"
    WAITING_TIME = "waiting_time"

    def __str__(self) -> str:
        return str(self.value)
