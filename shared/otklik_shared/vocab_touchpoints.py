"""Touchpoint vocabulary: touchpoint kinds and the client needs served at a touchpoint.

Source: seed ``003_7d08914a5930967f.txt`` («Порядок ведения перечня точек взаимодействия с внешним
и внутренним клиентами»):

* point 2.5 lists the kinds of touchpoints (точки взаимодействия) -> :class:`TouchpointKind`;
* point 3.7 lists the client needs (удовлетворяемые потребности клиента) to determine for each
  touchpoint -> :class:`ClientNeed`;
* points 2.8 / 2.9 and 4.1 split touchpoints into offline points (оффлайн-точки, "физическое
  пространство") and digital points (цифровые точки, "на цифровой платформе посредством
  информационно-телекоммуникационной сети «Интернет»"). The document does not assign each kind
  to one of the two; :data:`TOUCHPOINT_KIND_IS_DIGITAL` applies those definitions only where a
  kind plainly falls under one of them and leaves ``None`` where the document does not decide
  (a call centre works by telephone — neither the Internet nor a physical space; a voice
  assistant may run on the phone line or on a site; an organisation is not itself a channel).

Codes are stable API values; labels are the document's wording, verbatim.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

__all__ = [
    "CLIENT_NEED_LABELS",
    "TOUCHPOINT_KIND_IS_DIGITAL",
    "TOUCHPOINT_KIND_LABELS",
    "ClientNeed",
    "TouchpointKind",
]


class TouchpointKind(StrEnum):
    """Kinds of touchpoints named in point 2.5, in the document's order."""

    OFFICIAL_SITE = "official_site"
    MOBILE_APP = "mobile_app"
    SOCIAL_NETWORK = "social_network"
    MESSENGER = "messenger"
    CHAT_BOT = "chat_bot"
    VOICE_ASSISTANT = "voice_assistant"
    CONTACT_CENTER = "contact_center"
    AGENCY_OFFICE = "agency_office"
    SUBORDINATE_ORGANIZATION = "subordinate_organization"
    AUTHORIZED_ORGANIZATION = "authorized_organization"
    ONE_STOP_CENTER = "one_stop_center"
    LONG_STAY_PLACE = "long_stay_place"


TOUCHPOINT_KIND_LABELS: Final[dict[TouchpointKind, str]] = {
    TouchpointKind.OFFICIAL_SITE: "официальные сайты (порталы)",
    TouchpointKind.MOBILE_APP: "мобильные приложения",
    TouchpointKind.SOCIAL_NETWORK: "социальные сети",
    TouchpointKind.MESSENGER: "мессенджеры",
    TouchpointKind.CHAT_BOT: "чат-боты",
    TouchpointKind.VOICE_ASSISTANT: "голосовые помощники",
    TouchpointKind.CONTACT_CENTER: "колл-центры",
    TouchpointKind.AGENCY_OFFICE: "места приема клиентов в Министерстве",
    TouchpointKind.SUBORDINATE_ORGANIZATION: "подведомственные организации",
    TouchpointKind.AUTHORIZED_ORGANIZATION: "организации, уполномоченные на взаимодействие",
    TouchpointKind.ONE_STOP_CENTER: (
        "обособленные учреждения, где в режиме одного окна предоставляются услуги и сервисы "
        "клиентам (многофункциональные центры предоставления государственных и муниципальных услуг "
        '"Мои документы", центры занятости населения, центры миграции, туристические центры '
        "и другие)"
    ),
    TouchpointKind.LONG_STAY_PLACE: "места длительного нахождения (школы, больницы и другие)",
}

# True: digital point (2.9), False: offline point (2.8), None: the document does not say.
TOUCHPOINT_KIND_IS_DIGITAL: Final[dict[TouchpointKind, bool | None]] = {
    TouchpointKind.OFFICIAL_SITE: True,
    TouchpointKind.MOBILE_APP: True,
    TouchpointKind.SOCIAL_NETWORK: True,
    TouchpointKind.MESSENGER: True,
    TouchpointKind.CHAT_BOT: True,
    TouchpointKind.VOICE_ASSISTANT: None,
    TouchpointKind.CONTACT_CENTER: None,
    TouchpointKind.AGENCY_OFFICE: False,
    TouchpointKind.SUBORDINATE_ORGANIZATION: None,
    TouchpointKind.AUTHORIZED_ORGANIZATION: None,
    TouchpointKind.ONE_STOP_CENTER: False,
    TouchpointKind.LONG_STAY_PLACE: False,
}


class ClientNeed(StrEnum):
    """The ten client needs of point 3.7, in the document's order (1-10)."""

    INFORMATION = "information"
    CONSULTATION = "consultation"
    FORMS = "forms"
    SUBMISSION = "submission"
    STATUS = "status"
    RESULT = "result"
    INSPECTION = "inspection"
    FEEDBACK = "feedback"
    FEEDBACK_RESULT = "feedback_result"
    OTHER = "other"


CLIENT_NEED_LABELS: Final[dict[ClientNeed, str]] = {
    ClientNeed.INFORMATION: "получение информации",
    ClientNeed.CONSULTATION: "получение консультации",
    ClientNeed.FORMS: "получение форм документов",
    ClientNeed.SUBMISSION: "представление заявления, обращения, запроса, документов",
    ClientNeed.STATUS: (
        "получение информации о ходе рассмотрения заявления, обращения, запроса, документов"
    ),
    ClientNeed.RESULT: "получение результата, ответа, разъяснения",
    ClientNeed.INSPECTION: "предоставление объектов для осмотра (проверки)",
    ClientNeed.FEEDBACK: "предоставление обратной связи",
    ClientNeed.FEEDBACK_RESULT: "получение результата рассмотрения обратной связи",
    ClientNeed.OTHER: "другие удовлетворяемые потребности клиента",
}
