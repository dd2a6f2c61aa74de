"""Survey runs of the methodology's forms behind permanent links, and the answers respondents
give through the public form: as satisfied as the service's ratings say."""

import random
from dataclasses import dataclass
from typing import Any

from otklik_kit.demo.generate.comments import CommentWriter, Context
from otklik_kit.demo.generate.ratings import score
from otklik_shared.vocab import Channel
from otklik_shared.vocab import PainCategory as Pain

MFC_VISIT_TEMPLATE: dict[str, Any] = {
    "code": "mfc_visit",
    "title": "Оценка посещения МФЦ",
    "methodology_form": "по форме анкеты приложения № 3 к Методике ОС",
    "questions": [
        {"kind": "rating", "text": "Оцените посещение МФЦ в целом"},
        {"kind": "nps", "text": "Посоветуете ли вы МФЦ знакомым?"},
        {
            "kind": "single_choice",
            "text": "Сколько времени вы ждали в очереди?",
            "options": ["Меньше 15 минут", "15–30 минут", "Больше 30 минут"],
        },
        {
            "kind": "multiple_choice",
            "text": "Что было неудобно?",
            "required": False,
            "options": ["Очередь", "Парковка", "Навигация в здании", "Ничего"],
        },
        {"kind": "text", "text": "Что можно улучшить?", "required": False},
    ],
}


@dataclass(frozen=True)
class RunSpec:
    """`subject`: a service key, or an agency key for a survey of the agency as a whole."""

    subject: str
    template: str  # a built-in code, or `mfc_visit` made by the demo
    title: str
    started_days_ago: int
    respondents: int
    closed: bool = False


RUNS = (
    RunSpec(
        "child_payment_3_7",
        "service_satisfaction_external",
        "Мониторинг удовлетворенности: выплата на ребенка от трех до семи лет",
        120,
        60,
    ),
    RunSpec(
        "doctor_appointment",
        "service_satisfaction_external",
        "Мониторинг удовлетворенности: запись на прием к врачу",
        90,
        50,
    ),
    RunSpec("mfc", "mfc_visit", "Оценка посещения офисов МФЦ", 150, 50),
    RunSpec(
        "mfc_consultation",
        "consultation_quality",
        "Качество консультаций контакт-центра МФЦ (весенний опрос)",
        160,
        40,
        closed=True,
    ),
    RunSpec(
        "admin_priokk",
        "information_access_external",
        "Доступность информации о деятельности администрации",
        60,
        30,
    ),
)
POSITIVE_CHOICES = ("Да", "Меньше 15 минут", "Трудностей не было", "Ничего")


def answers(
    form: dict[str, Any], mean: float, rng: random.Random, writer: CommentWriter
) -> list[dict[str, Any]]:
    """Answers to every question of a public form, by its kinds; happier for a higher mean."""
    happy = score(rng, mean)
    given: list[dict[str, Any]] = []
    for question in form["questions"]:
        value = _answer(question, happy, rng, writer)
        if value is not None:
            given.append({"question": question["number"], **_typed(question["kind"], value)})
    return given


def _typed(kind: str, value: Any) -> dict[str, Any]:
    """The answer in the field its kind takes; a single choice is a one-item list."""
    if kind in ("rating", "nps"):
        return {"rating": value}
    if kind == "text":
        return {"text": value}
    return {"choices": value if isinstance(value, list) else [value]}


def _answer(question: dict[str, Any], happy: int, rng: random.Random, writer: CommentWriter) -> Any:
    kind = question["kind"]
    if kind == "rating":
        return max(1, min(5, happy + rng.choice((-1, 0, 0, 0, 1))))
    if kind == "nps":
        return max(0, min(10, happy * 2 + rng.choice((-1, 0, 0, 1))))
    options = question.get("options") or []
    ids = [o["id"] for o in options]
    positive = [o["id"] for o in options if o["label"].startswith(POSITIVE_CHOICES)]
    if kind == "single_choice":
        return positive[0] if positive and happy >= 4 and rng.random() < 0.8 else rng.choice(ids)
    if kind == "multiple_choice":
        if positive and happy >= 4:
            return [positive[0]] if question["required"] or rng.random() < 0.7 else None
        others = [i for i in ids if i not in positive] or ids
        return sorted(rng.sample(others, k=min(len(others), rng.choice((1, 1, 2)))))
    if kind == "text" and (question["required"] or rng.random() < 0.3):
        context = Context("услугу", Channel.MFC)
        if happy >= 4:
            return writer.praise(context)
        return writer.complaint([rng.choice(list(Pain)[:-2])], context)
    return None
