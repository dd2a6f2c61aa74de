"""Domain vocabulary shared by every service: API codes and the Russian labels people read."""

from enum import StrEnum


class AgencyLevel(StrEnum):
    FEDERAL = "federal"
    REGIONAL = "regional"
    MUNICIPAL = "municipal"


AGENCY_LEVEL_LABELS: dict[AgencyLevel, str] = {
    AgencyLevel.FEDERAL: "федеральный орган исполнительной власти",
    AgencyLevel.REGIONAL: "региональный орган исполнительной власти",
    AgencyLevel.MUNICIPAL: "орган местного самоуправления",
}


class Direction(StrEnum):
    """Direction of activity (направление деятельности)."""

    STATE_SERVICES = "state_services"
    SUPPORT_MEASURES = "support_measures"
    CONTROL_SUPERVISION = "control_supervision"
    APPEALS = "appeals"
    INFORMATION_ACCESS = "information_access"
    INTERNAL = "internal"
    OTHER = "other"


DIRECTION_LABELS: dict[Direction, str] = {
    Direction.STATE_SERVICES: "государственные услуги",
    Direction.SUPPORT_MEASURES: "меры государственной поддержки",
    Direction.CONTROL_SUPERVISION: "контроль (надзор)",
    Direction.APPEALS: "обращения и запросы",
    Direction.INFORMATION_ACCESS: "доступ к информации о деятельности",
    Direction.INTERNAL: "внутренний клиент",
    Direction.OTHER: "иное",
}


class InternalSubkind(StrEnum):
    HR = "hr"
    IT = "it"
    ACCOUNTING = "accounting"
    ADMINISTRATIVE = "administrative"
    RULEMAKING_AUDIT = "rulemaking_audit"
    CONTRACTS = "contracts"


class Stage(StrEnum):
    """Stage of the client path (этап); declaration order is the path's order."""

    INFORMATION = "information"
    CONSULTATION = "consultation"
    APPOINTMENT = "appointment"
    APPLICATION = "application"
    PAYMENT = "payment"
    PROCESSING = "processing"
    ADDITIONAL_DOCUMENTS = "additional_documents"
    INSPECTION = "inspection"
    DECISION = "decision"
    RESULT = "result"
    AFTER_RESULT = "after_result"


STAGE_LABELS: dict[Stage, str] = {
    Stage.INFORMATION: "Информирование",
    Stage.CONSULTATION: "Консультирование",
    Stage.APPOINTMENT: "Запись на прием",
    Stage.APPLICATION: "Подача заявления",
    Stage.PAYMENT: "Оплата",
    Stage.PROCESSING: "Рассмотрение заявления",
    Stage.ADDITIONAL_DOCUMENTS: "Представление дополнительных документов",
    Stage.INSPECTION: "Выездная проверка (осмотр)",
    Stage.DECISION: "Принятие решения",
    Stage.RESULT: "Получение результата",
    Stage.AFTER_RESULT: "После получения результата",
}


class Channel(StrEnum):
    EPGU = "epgu"
    REGIONAL_PORTAL = "regional_portal"
    OFFICIAL_SITE = "official_site"
    MOBILE_APP = "mobile_app"
    MFC = "mfc"
    AGENCY_OFFICE = "agency_office"
    CONTACT_CENTER = "contact_center"
    CHAT_BOT = "chat_bot"
    VOICE_ASSISTANT = "voice_assistant"
    MESSENGER = "messenger"
    SOCIAL_NETWORK = "social_network"
    EMAIL = "email"
    POST = "post"
    TERMINAL = "terminal"
    SMS = "sms"


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.EPGU: "Единый портал госуслуг",
    Channel.REGIONAL_PORTAL: "Региональный портал",
    Channel.OFFICIAL_SITE: "Официальный сайт",
    Channel.MOBILE_APP: "Мобильное приложение",
    Channel.MFC: "МФЦ",
    Channel.AGENCY_OFFICE: "Офис органа власти",
    Channel.CONTACT_CENTER: "Контакт-центр",
    Channel.CHAT_BOT: "Чат-бот",
    Channel.VOICE_ASSISTANT: "Голосовой помощник",
    Channel.MESSENGER: "Мессенджер",
    Channel.SOCIAL_NETWORK: "Социальная сеть",
    Channel.EMAIL: "Электронная почта",
    Channel.POST: "Почта",
    Channel.TERMINAL: "Терминал",
    Channel.SMS: "SMS",
}


class Criterion(StrEnum):
    """Criteria of the federal rating of state services, each rated 1–5."""

    PROVISION_TIME = "provision_time"
    QUEUE_WAIT = "queue_wait"
    STAFF_COURTESY = "staff_courtesy"
    PREMISES_COMFORT = "premises_comfort"
    INFO_AVAILABILITY = "info_availability"


CRITERION_LABELS: dict[Criterion, str] = {
    Criterion.PROVISION_TIME: "Время предоставления",
    Criterion.QUEUE_WAIT: "Время ожидания в очереди",
    Criterion.STAFF_COURTESY: "Вежливость и компетентность сотрудника",
    Criterion.PREMISES_COMFORT: "Комфортность условий",
    Criterion.INFO_AVAILABILITY: "Доступность информации о порядке предоставления",
}


class ClientType(StrEnum):
    INDIVIDUAL = "individual"
    ENTREPRENEUR = "entrepreneur"
    LEGAL_ENTITY = "legal_entity"
    FOREIGN_CITIZEN = "foreign_citizen"
    INTERNAL = "internal"


class ResultDocument(StrEnum):
    """Kinds of documents that prove a plan item done."""

    ORDER = "order"
    DEPARTMENTAL_ACT = "departmental_act"
    NPA_AMENDMENT = "npa_amendment"
    IMPLEMENTATION_REPORT = "implementation_report"
    ANALYTICAL_REPORT = "analytical_report"
    INSTRUCTION = "instruction"
    CONCLUSION = "conclusion"


RESULT_DOCUMENT_LABELS: dict[ResultDocument, str] = {
    ResultDocument.ORDER: "Приказ",
    ResultDocument.DEPARTMENTAL_ACT: "Ведомственный акт",
    ResultDocument.NPA_AMENDMENT: "Внесение изменений в НПА",
    ResultDocument.IMPLEMENTATION_REPORT: "Отчет о реализации",
    ResultDocument.ANALYTICAL_REPORT: "Аналитический отчет",
    ResultDocument.INSTRUCTION: "Поручение",
    ResultDocument.CONCLUSION: "Заключение",
}


class PainCategory(StrEnum):
    WAITING_TIME = "waiting_time"
    DEADLINES = "deadlines"
    STAFF_CONDUCT = "staff_conduct"
    INFORMATION = "information"
    DOCUMENTS = "documents"
    DIGITAL_SERVICE = "digital_service"
    PREMISES = "premises"
    PAYMENT = "payment"
    REFUSAL = "refusal"
    CONTACT_CENTER = "contact_center"
    NOTIFICATION = "notification"
    PRAISE = "praise"
    OTHER = "other"


PAIN_CATEGORY_LABELS: dict[PainCategory, str] = {
    PainCategory.WAITING_TIME: "Время ожидания, очереди",
    PainCategory.DEADLINES: "Сроки предоставления",
    PainCategory.STAFF_CONDUCT: "Поведение и компетентность сотрудников",
    PainCategory.INFORMATION: "Информирование, понятность порядка",
    PainCategory.DOCUMENTS: "Документы и требования",
    PainCategory.DIGITAL_SERVICE: "Работа электронного сервиса",
    PainCategory.PREMISES: "Помещения и условия",
    PainCategory.PAYMENT: "Оплата",
    PainCategory.REFUSAL: "Отказы",
    PainCategory.CONTACT_CENTER: "Контакт-центр, дозвон",
    PainCategory.NOTIFICATION: "Уведомления о ходе рассмотрения",
    PainCategory.PRAISE: "Благодарность",
    PainCategory.OTHER: "Иное",
}
