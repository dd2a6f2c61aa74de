"""The effect-of-measures section laid out: one row per done item, CSAT before and after with
their intervals, the change and the verdict."""

from reporting_worker.reports.render.tables import Column, Kind, Table
from reporting_worker.reports.render.view import Section
from reporting_worker.reports.schemas import EffectWindow, MeasureEffectSection, SectionStatus
from reporting_worker.reports.wording import number


def _interval(window: EffectWindow) -> str | None:
    if window.csat_low is None or window.csat_high is None:
        return None
    return f"{number(window.csat_low)}–{number(window.csat_high)} %"


def _window_text(window: EffectWindow) -> str:
    if window.csat is None:
        return "нет ответов"
    interval = _interval(window)
    return f"{number(window.csat)} % ({interval}), ответов: {window.responses}"


def effect_section(section: MeasureEffectSection) -> Section:
    shown = Table(
        "Эффект мер",
        "CSAT на этапах, на которые направлен пункт плана, до и после его выполнения "
        "(в скобках — интервал Уилсона 95 %)",
        [
            Column("Пункт", Kind.TEXT, 7),
            Column("Мероприятие", Kind.TEXT, 40),
            Column("Услуга, этапы", Kind.TEXT, 24),
            Column("Выполнен", Kind.DATE, 13),
            Column("CSAT до", Kind.TEXT, 20),
            Column("CSAT после", Kind.TEXT, 20),
            Column("Изм.", Kind.PERCENT_CHANGE, 11),
            Column("Вывод", Kind.TEXT, 34),
        ],
        [
            [
                item.number,
                item.text,
                f"{item.service_title}; {', '.join(item.stage_labels)}",
                item.done_on,
                _window_text(item.before),
                _window_text(item.after),
                item.change,
                item.verdict,
            ]
            for item in section.items
        ],
        note=section.method or None,
    )
    numbers = Table(
        "Эффект мер",
        "Эффект мероприятий: числа",
        [
            Column("Пункт", Kind.TEXT, 8),
            Column("Услуга", Kind.TEXT, 30),
            Column("Выполнено", Kind.DATE, 12),
            Column("Ответов до", Kind.COUNT, 11),
            Column("CSAT до", Kind.PERCENT, 10),
            Column("Нижняя граница до", Kind.PERCENT, 12),
            Column("Верхняя граница до", Kind.PERCENT, 12),
            Column("Ответов после", Kind.COUNT, 11),
            Column("CSAT после", Kind.PERCENT, 10),
            Column("Нижняя граница после", Kind.PERCENT, 12),
            Column("Верхняя граница после", Kind.PERCENT, 12),
            Column("Изменение", Kind.PERCENT_CHANGE, 11),
            Column("Значимо", Kind.TEXT, 9),
        ],
        [
            [
                item.number,
                item.service_title,
                item.done_on,
                item.before.responses,
                item.before.csat,
                item.before.csat_low,
                item.before.csat_high,
                item.after.responses,
                item.after.csat,
                item.after.csat_low,
                item.after.csat_high,
                item.change,
                "да" if item.significant else "нет",
            ]
            for item in section.items
        ],
        in_document=False,
    )
    paragraphs = []
    if section.status != SectionStatus.OK and section.note:
        paragraphs.append(section.note)
    significant = [item for item in section.items if item.significant]
    if section.items:
        paragraphs.append(
            f"Выполненных пунктов с известным этапом: {len(section.items)}; значимое изменение "
            f"CSAT — у {len(significant)}."
        )
    return Section(
        "measures",
        "Эффект мероприятий плана",
        tables=[shown, numbers] if section.items else [],
        paragraphs=paragraphs,
    )
