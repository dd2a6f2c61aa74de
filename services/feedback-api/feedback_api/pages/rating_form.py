"""The rating form's fields as the ingest service takes them (FeedbackCreate), every mistake
named by its field in Russian, so the page shows each next to its field with the values kept."""

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from feedback_api.feedback.schemas import ContactIn, CriteriaRatings, FeedbackCreate
from feedback_api.pages.targets import RatingTarget
from otklik_shared.problem import FieldError
from otklik_shared.vocab import Criterion

COMMENT_MAX = 2000
CASE_NUMBER = re.compile(r"^[0-9A-Za-zА-Яа-яЁё\-_/.]{1,64}$")
PHONE = re.compile(r"^\+?[0-9 ()\-]{5,20}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
CRITERIA_FIELDS = {f"c_{criterion.value}": criterion for criterion in Criterion}

MESSAGES = {
    "rating": "Выберите общую оценку от 1 до 5",
    "criterion": "Оценка — число от 1 до 5",
    "service": "Выберите услугу из списка",
    "stage": "Выберите этап получения услуги",
    "stage_of_service": "У выбранной услуги нет такого этапа: выберите другой",
    "comment": f"Комментарий — не длиннее {COMMENT_MAX} символов",
    "case_number": "Номер: буквы, цифры и знаки - _ / . — не длиннее 64 символов",
    "answer_requested": "Напишите в комментарии, на что вы хотите получить ответ",
    "name": "Имя — не длиннее 200 символов",
    "email": "Проверьте адрес электронной почты, например ivanova@example.ru",
    "phone": "Телефон: цифры, знак +, пробелы, скобки и дефисы, например +7 900 000-00-00",
    "consent": "Отметьте согласие, чтобы мы могли связаться с вами, или сотрите почту и телефон",
    "contact": "Укажите почту или телефон, чтобы мы могли связаться с вами",
    "other": "Проверьте это поле",
}
# fields of the ingest model and its rules → the form's fields
MODEL_FIELDS = {
    "service_id": "service",
    "agency_id": "service",
    "stage": "stage",
    "rating": "rating",
    "comment": "comment",
    "case_number": "case_number",
    "touchpoint_id": "service",
}


def _text(form: Mapping[str, Any], name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _score(value: str) -> int | None:
    return int(value) if value in {"1", "2", "3", "4", "5"} else None


def parse_rating_form(
    form: Mapping[str, Any], target: RatingTarget, *, occurred_at: datetime
) -> tuple[FeedbackCreate | None, dict[str, str]]:
    errors: dict[str, str] = {}
    rating = _score(_text(form, "rating"))
    if rating is None:
        errors["rating"] = MESSAGES["rating"]
    criteria: dict[str, int] = {}
    for field, criterion in CRITERIA_FIELDS.items():
        given = _text(form, field)
        if given:
            score = _score(given)
            if score is None:
                errors[field] = MESSAGES["criterion"]
            else:
                criteria[criterion.value] = score
    service = None
    if target.services:
        service = target.service(_text(form, "service"))
        if service is None:
            errors["service"] = MESSAGES["service"]
    stage = target.stage.value if target.stage else _text(form, "stage")
    if target.services and not stage:
        errors["stage"] = MESSAGES["stage"]
    elif service is not None and stage not in service.stages:
        errors["stage"] = MESSAGES["stage_of_service"]
    comment = _text(form, "comment").replace("\r\n", "\n")
    if len(comment) > COMMENT_MAX:
        errors["comment"] = MESSAGES["comment"]
    case_number = _text(form, "case_number")
    if case_number and not CASE_NUMBER.fullmatch(case_number):
        errors["case_number"] = MESSAGES["case_number"]
    answer_requested = bool(_text(form, "answer_requested"))
    if answer_requested and not comment:
        errors["answer_requested"] = MESSAGES["answer_requested"]
    contact = _contact(form, errors)
    if errors:
        return None, errors
    body: dict[str, Any] = {
        "service_id": service.id if service else None,
        "agency_id": target.agency.id,
        "stage": stage if service else None,
        "channel": target.channel,
        "touchpoint_id": target.touchpoint.id,
        "rating": rating,
        "criteria": CriteriaRatings(**criteria),
        "comment": comment or None,
        "case_number": case_number or None,
        "occurred_at": occurred_at,
        "answer_requested": answer_requested,
        "contact": contact,
    }
    try:
        return FeedbackCreate(**body), {}
    except ValidationError as exc:
        return None, {_form_field(e["loc"]): MESSAGES["other"] for e in exc.errors()}


def _contact(form: Mapping[str, Any], errors: dict[str, str]) -> ContactIn | None:
    name, email, phone = _text(form, "name"), _text(form, "email"), _text(form, "phone")
    consent = bool(_text(form, "consent"))
    if len(name) > 200:
        errors["name"] = MESSAGES["name"]
    if email and (len(email) > 254 or not EMAIL.fullmatch(email)):
        errors["email"] = MESSAGES["email"]
    if phone and not PHONE.fullmatch(phone):
        errors["phone"] = MESSAGES["phone"]
    if not (email or phone):
        if consent:
            errors["email"] = MESSAGES["contact"]
        return None
    if not consent:
        errors["consent"] = MESSAGES["consent"]
    if errors:
        return None
    try:
        return ContactIn(name=name or None, email=email or None, phone=phone or None, consent=True)
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "email"
            errors[field if field in MESSAGES else "email"] = MESSAGES.get(field, MESSAGES["email"])
        return None


def _form_field(location: tuple[int | str, ...]) -> str:
    head = str(location[0]) if location else "other"
    if head == "criteria" and len(location) > 1:
        return f"c_{location[1]}"
    if head == "contact":
        return str(location[1]) if len(location) > 1 else "email"
    return MODEL_FIELDS.get(head, "comment")


def rule_errors(errors: list[FieldError]) -> dict[str, str]:
    """The ingest rules' field errors (unknown stage, retired service …) on the form."""
    found: dict[str, str] = {}
    for error in errors:
        field = MODEL_FIELDS.get(error.field.split(".")[-1], "service")
        key = "stage_of_service" if field == "stage" else field
        found[field] = MESSAGES.get(key, MESSAGES["other"])
    return found
