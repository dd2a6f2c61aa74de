from enum import StrEnum


class TouchpointKind(StrEnum):
    AGENCY_OFFICE = "agency_office"
    AUTHORIZED_ORGANIZATION = "authorized_organization"
    CHAT_BOT = "chat_bot"
    CONTACT_CENTER = "contact_center"
    LONG_STAY_PLACE = "long_stay_place"
    MESSENGER = "messenger"
    MOBILE_APP = "mobile_app"
    OFFICIAL_SITE = "official_site"
    ONE_STOP_CENTER = "one_stop_center"
    SOCIAL_NETWORK = "social_network"
    SUBORDINATE_ORGANIZATION = "subordinate_organization"
    VOICE_ASSISTANT = "voice_assistant"

    def __str__(self) -> str:
        return str(self.value)
