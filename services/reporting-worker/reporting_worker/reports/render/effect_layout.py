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


def effect_section(section: MeasureEffectSection) -> Section:
    table = Table(
        "Эффект мер",
        "CSAT на этапах, на которые направлен пункт плана, до и после его выполнения",
        [
            Column("Пункт", Kind.TEXT, 8),
            Column("Мероприятие", Kind.TEXT, 40),
            Column("Услуга", Kind.TEXT, 22),
            Column("Этапы", Kind.TEXT, 18),
            Column("Выполнено", Kind.DATE, 12),
            Column("Ответов до", Kind.COUNT, 10),
            Column("CSAT до", Kind.PERCENT, 9),
            Column("Интервал до", Kind.TEXT, 13),
            Column("Ответов после", Kind.COUNT, 10),
            Column("CSAT после", Kind.PERCENT, 9),
            Column("Интервал после", Kind.TEXT, 13),
            Column("Изменение", Kind.PERCENT_CHANGE, 11),
            Column("Вывод", Kind.TEXT, 40),
        ],
        [
            [
                item.number,
                item.text,
                item.service_title,
                ", ".join(item.stage_labels),
                item.done_on,
                item.before.responses,
                item.before.csat,
                _interval(item.before),
                item.after.responses,
                item.after.csat,
                _interval(item.after),
                item.change,
                item.verdict,
            ]
            for item in section.items
        ],
        note=section.method or None,
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
        tables=[table] if section.items else [],
        paragraphs=paragraphs,
    )
