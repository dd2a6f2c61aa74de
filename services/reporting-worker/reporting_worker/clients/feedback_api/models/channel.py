from enum import StrEnum


class Channel(StrEnum):
    AGENCY_OFFICE = "agency_office"
    CHAT_BOT = "chat_bot"
    CONTACT_CENTER = "contact_center"
    EMAIL = "email"
    EPGU = "epgu"
    MESSENGER = "messenger"
    MFC = "mfc"
    MOBILE_APP = "mobile_app"
    OFFICIAL_SITE = "official_site"
    POST = "post"
    REGIONAL_PORTAL = "regional_portal"
    SMS = "sms"
    SOCIAL_NETWORK = "social_network"
    TERMINAL = "terminal"
    VOICE_ASSISTANT = "voice_assistant"

    def __str__(self) -> str:
        return str(self.value)
