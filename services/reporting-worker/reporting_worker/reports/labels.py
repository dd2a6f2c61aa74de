"""Short Russian labels for report tables, where the registry's legal wording (seed 003, 2.5)
would fill a column."""

from otklik_shared.vocab_touchpoints import TouchpointKind

TOUCHPOINT_KIND_SHORT: dict[TouchpointKind, str] = {
    TouchpointKind.OFFICIAL_SITE: "Сайт, портал",
    TouchpointKind.MOBILE_APP: "Мобильное приложение",
    TouchpointKind.SOCIAL_NETWORK: "Социальная сеть",
    TouchpointKind.MESSENGER: "Мессенджер",
    TouchpointKind.CHAT_BOT: "Чат-бот",
    TouchpointKind.VOICE_ASSISTANT: "Голосовой помощник",
    TouchpointKind.CONTACT_CENTER: "Колл-центр",
    TouchpointKind.AGENCY_OFFICE: "Приемная органа власти",
    TouchpointKind.SUBORDINATE_ORGANIZATION: "Подведомственная организация",
    TouchpointKind.AUTHORIZED_ORGANIZATION: "Уполномоченная организация",
    TouchpointKind.ONE_STOP_CENTER: "МФЦ, центр «одного окна»",
    TouchpointKind.LONG_STAY_PLACE: "Место длительного пребывания",
}
