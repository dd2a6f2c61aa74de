"""The report laid out for people: which sections, in what order, with which charts and tables.
Every format renders this one layout, so the page, the PDF and the workbook say the same."""

import re
from collections.abc import Sequence

from otklik_shared.measures import MOSCOW
from otklik_shared.vocab import Criterion, Stage
from reporting_worker.answers import section as answers
from reporting_worker.reports.render import charts
from reporting_worker.reports.render.effect_layout import effect_section
from reporting_worker.reports.render.stat_layout import (
    agencies_section,
    interval_text,
    method_section,
    pain_cell_details,
    services_section,
    survey_question_tables,
    trend_section,
    verdict_text,
)
from reporting_worker.reports.render.style import NO_DATA, PLAN_COLORS, csat_color
from reporting_worker.reports.render.tables import Column, Kind, Table, Value
from reporting_worker.reports.render.view import (
    Metric,
    PainCell,
    PainMap,
    ReportView,
    Section,
    SheetChart,
)
from reporting_worker.reports.schemas import (
    AnalyticalReport,
    BreakdownRow,
    Figure,
    ReportPeriod,
    SectionStatus,
)
from reporting_worker.reports.schemas import PainMap as ReportPainMap

WORST_PLACES = 5
CHART_ROWS = 15  # a breakdown's chart shows its largest rows; the table has them all
CRITERION_SHORT = {
    Criterion.PROVISION_TIME: "Время предоставления",
    Criterion.QUEUE_WAIT: "Ожидание в очереди",
    Criterion.STAFF_COURTESY: "Вежливость персонала",
    Criterion.PREMISES_COMFORT: "Комфортность условий",
    Criterion.INFO_AVAILABILITY: "Доступность информации",
}
SENTIMENT_COLORS = {"negative": "#c62828", "neutral": NO_DATA, "positive": "#2e7d32"}


def _figures_columns(first: str, *, detail: bool = False) -> list[Column]:
    return [
        Column(first, Kind.TEXT, 36),
        *([Column("Вид", Kind.TEXT, 20)] if detail else []),
        Column("Ответов", Kind.COUNT, 10),
        Column("Ответов ранее", Kind.COUNT, 10),
        Column("Средняя оценка", Kind.SCORE, 10),
        Column("Изм. средней", Kind.SCORE_CHANGE, 10),
        Column("CSAT", Kind.PERCENT, 10),
        Column("Интервал CSAT", Kind.TEXT, 14),
        Column("Изм. CSAT", Kind.PERCENT_CHANGE, 12),
        Column("Вывод", Kind.TEXT, 13),
        Column("Комментариев", Kind.COUNT, 12),
    ]


def _breakdown(
    key: str, title: str, first: str, sheet: str, rows: Sequence[BreakdownRow], *, detail: bool
) -> Section:
    values: list[list[Value]] = []
    criteria: list[list[Value]] = []
    for row in rows:
        figures = row.figures
        values.append(
            [
                row.label,
                *([row.detail] if detail else []),
                figures.respondents.value,
                figures.respondents.previous,
                figures.average_rating.value,
                figures.average_rating.change,
                figures.csat.value,
                interval_text(figures.csat_interval),
                figures.csat.change,
                verdict_text(figures.csat_test),
                figures.comments.value,
            ]
        )
        by_criterion = {c.criterion: c.average.value for c in figures.criteria}
        criteria.append([row.label, *(by_criterion.get(c) for c in Criterion)])
    main = Table(sheet, title, _figures_columns(first, detail=detail), values)
    criteria_table = Table(
        sheet,
        f"Критерии оценки: {first.lower()}",
        [
            Column(first, Kind.TEXT, 36),
            *(Column(CRITERION_SHORT[c], Kind.SCORE, 13) for c in Criterion),
        ],
        criteria,
        note="Средняя оценка по каждому критерию (1–5) среди ответивших на него.",
    )
    shown = rows[:CHART_ROWS]
    chart = None
    if shown:
        chart = charts.horizontal_bars(
            [row.label for row in shown],
            [row.figures.csat.value for row in shown],
            kind="csat",
            description=f"CSAT: {first.lower()} — "
            + "; ".join(f"{row.label}: {row.figures.csat.value}" for row in shown),
        )
    paragraphs = [] if rows else ["За период нет ответов с этим разрезом."]
    if len(rows) > CHART_ROWS:
        paragraphs.append(
            f"На диаграмме — первые {CHART_ROWS} строк из {len(rows)}; все строки — в таблице."
        )
    csat_column = 7 if detail else 6
    return Section(
        key,
        title,
        tables=[main, criteria_table] if rows else [],
        chart=chart,
        sheet_chart=SheetChart("bar", f"CSAT, %: {first.lower()}", 1, [csat_column]),
        paragraphs=paragraphs,
    )


def _metrics(report: AnalyticalReport) -> list[Metric]:
    headline = report.headline
    return [
        Metric(
            "Респондентов",
            Kind.COUNT,
            headline.respondents.value,
            headline.respondents.previous,
            headline.respondents.change,
            higher_is_better=None,
        ),
        Metric("Средняя оценка (1–5)", Kind.SCORE, *_figure(headline.average_rating)),
        Metric("CSAT — доля оценок 4–5", Kind.PERCENT, *_figure(headline.csat)),
        Metric(
            "Комментариев",
            Kind.COUNT,
            headline.comments.value,
            headline.comments.previous,
            headline.comments.change,
            higher_is_better=None,
        ),
    ]


def _figure(figure: Figure) -> tuple[float | None, float | None, float | None]:
    return figure.value, figure.previous, figure.change


def _distribution(report: AnalyticalReport) -> Section:
    shares = report.headline.distribution
    table = Table(
        "Оценки",
        "Распределение оценок",
        [
            Column("Оценка", Kind.COUNT, 10),
            Column("Ответов", Kind.COUNT, 12),
            Column("Доля", Kind.PERCENT, 12),
            Column("Ответов в пред. периоде", Kind.COUNT, 14),
            Column("Доля в пред. периоде", Kind.PERCENT, 14),
        ],
        [[s.rating, s.count, s.percent, s.previous_count, s.previous_percent] for s in shares],
    )
    return Section(
        "distribution",
        "Распределение оценок",
        tables=[table],
        chart=charts.rating_distribution([share.count for share in shares]),
        sheet_chart=SheetChart("column", "Распределение оценок", 1, [2]),
    )


def _criteria(report: AnalyticalReport) -> Section:
    criteria = report.headline.criteria
    table = Table(
        "Критерии",
        "Оценки по критериям",
        [
            Column("Критерий", Kind.TEXT, 44),
            Column("Средняя оценка", Kind.SCORE, 12),
            Column("В пред. периоде", Kind.SCORE, 12),
            Column("Изменение", Kind.SCORE_CHANGE, 12),
            Column("Оценили", Kind.COUNT, 10),
            Column("Оценили ранее", Kind.COUNT, 10),
            Column("Вывод", Kind.TEXT, 13),
        ],
        [
            [
                c.label,
                c.average.value,
                c.average.previous,
                c.average.change,
                c.rated,
                c.previous_rated,
                verdict_text(c.test),
            ]
            for c in criteria
        ],
    )
    chart = charts.horizontal_bars(
        [c.label for c in criteria],
        [c.average.value for c in criteria],
        kind="score",
        description="Средние оценки по критериям — "
        + "; ".join(f"{c.label}: {c.average.value}" for c in criteria),
    )
    return Section(
        "criteria",
        "Оценки по критериям",
        tables=[table],
        chart=chart if criteria else None,
        sheet_chart=SheetChart("bar", "Средняя оценка по критериям", 1, [2]),
    )


def _stage_order(stage: Stage | None) -> int:
    return list(Stage).index(stage) if stage is not None else len(Stage)


def _pain_map(pain: ReportPainMap) -> Section:
    cells = [
        PainCell(
            row=cell.stage_label,
            column=cell.place_label,
            responses=cell.responses,
            csat=f"{cell.csat:.0f}\u00a0%",
            average=f"{cell.average_rating:.2f}".replace(".", ","),
            color=csat_color(cell.csat),
            categories=[f"{c.label} ({c.comments})" for c in cell.categories],
            quotes=[quote.text for quote in cell.quotes],
            details=pain_cell_details(cell),
        )
        for cell in pain.cells
    ]
    stages = sorted(
        {c.stage: c.stage_label for c in pain.cells}.items(), key=lambda s: _stage_order(s[0])
    )
    volume: dict[str, int] = {}
    for cell in pain.cells:
        volume[cell.place_label] = volume.get(cell.place_label, 0) + cell.responses
    places = sorted(volume, key=lambda label: -volume[label])
    table = Table(
        "Карта болей",
        "Карта болей: места с наименьшей удовлетворенностью",
        [
            Column("Ранг", Kind.COUNT, 7),
            Column("Этап", Kind.TEXT, 26),
            Column("Точка взаимодействия / канал", Kind.TEXT, 32),
            Column("Ответов", Kind.COUNT, 10),
            Column("Оценок 1–3", Kind.COUNT, 10),
            Column("Средняя оценка", Kind.SCORE, 10),
            Column("CSAT", Kind.PERCENT, 9),
            Column("Интервал CSAT", Kind.TEXT, 14),
            Column("CSAT сглаженный", Kind.PERCENT, 11),
            Column("Острота", Kind.SCORE, 9),
            Column("Услуги", Kind.TEXT, 36),
            Column("Ведущие категории", Kind.TEXT, 40),
            Column("Цитаты", Kind.TEXT, 70),
        ],
        [
            [
                cell.rank,
                cell.stage_label,
                cell.place_label,
                cell.responses,
                cell.dissatisfied,
                cell.average_rating,
                cell.csat,
                interval_text(cell.csat_interval),
                cell.csat_shrunk,
                cell.score,
                "; ".join(f"{s.title} ({s.dissatisfied} из {s.responses})" for s in cell.services),
                "; ".join(f"{c.label} ({c.comments})" for c in cell.categories),
                "\n".join(f"«{quote.text}»" for quote in cell.quotes),
            ]
            for cell in pain.cells
        ],
        note=pain.method,
        row_colors=[csat_color(cell.csat) for cell in pain.cells],
        in_document=False,
    )
    grid = None
    if cells:
        grid = PainMap(
            rows=[label for _, label in stages],
            columns=places,
            cells=cells,
            worst=cells[:WORST_PLACES],
            note=pain.method,
        )
    empty = "Недостаточно ответов, чтобы выделить проблемные места."
    return Section(
        "pain-map",
        "Карта болей",
        tables=[table],
        pain_map=grid,
        paragraphs=[] if cells else [_status_text(pain.status, None) or empty],
    )


def _status_text(status: SectionStatus, note: str | None) -> str | None:
    if status == SectionStatus.OK:
        return note
    if note:
        return note
    if status == SectionStatus.UNAVAILABLE:
        return "Источник данных был недоступен при формировании отчета."
    return "Данных за период нет."


def _categories(report: AnalyticalReport) -> Section:
    rows = report.categories
    table = Table(
        "Категории",
        "Категории комментариев",
        [
            Column("Категория", Kind.TEXT, 40),
            Column("Комментариев", Kind.COUNT, 13),
            Column("Из них негативных", Kind.COUNT, 13),
            Column("Доля комментариев", Kind.PERCENT, 12),
            Column("Средняя оценка", Kind.SCORE, 11),
            Column("В пред. периоде", Kind.COUNT, 12),
            Column("Изменение", Kind.COUNT_CHANGE, 11),
            Column("Изменение доли", Kind.TEXT, 13),
        ],
        [
            [
                c.label,
                c.comments,
                c.negative,
                c.percent,
                c.average_rating,
                c.previous_comments,
                c.change,
                verdict_text(c.test),
            ]
            for c in rows
        ],
        note="Комментарий может относиться к нескольким категориям. «Изменение доли» — "
        "значимо ли изменилась доля комментариев этой категории.",
    )
    chart = None
    if rows:
        chart = charts.horizontal_bars(
            [c.label for c in rows],
            [c.comments for c in rows],
            kind="count",
            description="Комментариев по категориям — "
            + "; ".join(f"{c.label}: {c.comments}" for c in rows),
        )
    return Section(
        "categories",
        "Категории комментариев",
        tables=[table] if rows else [],
        chart=chart,
        sheet_chart=SheetChart("bar", "Комментариев по категориям", 1, [2]),
        paragraphs=[] if rows else ["За период нет классифицированных комментариев."],
    )


def _sentiment(report: AnalyticalReport) -> Section:
    section = report.sentiment
    shares = section.shares
    table = Table(
        "Тональность",
        f"Тональность комментариев (классифицировано: {section.classified_comments})",
        [
            Column("Тональность", Kind.TEXT, 24),
            Column("Комментариев", Kind.COUNT, 13),
            Column("Доля", Kind.PERCENT, 10),
            Column("Доля в пред. периоде", Kind.PERCENT, 14),
            Column("Изменение", Kind.PERCENT_CHANGE, 12),
        ],
        [[s.label, s.count, s.percent, s.previous_percent, s.change] for s in shares],
    )
    chart = None
    if section.classified_comments:
        chart = charts.stacked_share(
            [(s.label, s.count, SENTIMENT_COLORS.get(s.sentiment, NO_DATA)) for s in shares],
            description="Тональность комментариев — "
            + "; ".join(f"{s.label}: {s.count}" for s in shares),
        )
    note = _status_text(section.status, None) if not section.classified_comments else None
    return Section(
        "sentiment",
        "Тональность комментариев",
        tables=[table] if shares else [],
        chart=chart,
        sheet_chart=SheetChart("column", "Комментариев по тональности", 1, [2]),
        paragraphs=[note] if note else [],
    )


def _plan(report: AnalyticalReport) -> Section:
    plan = report.plan_progress
    plans = Table(
        "План",
        "Исполнение планов мероприятий",
        [
            Column("Услуга", Kind.TEXT, 30),
            Column("План", Kind.TEXT, 34),
            Column("Пунктов", Kind.COUNT, 9),
            Column("Выполнено", Kind.COUNT, 11),
            Column("В работе", Kind.COUNT, 10),
            Column("Просрочено", Kind.COUNT, 11),
            Column("Не начато", Kind.COUNT, 10),
            Column("Выполнено, %", Kind.PERCENT, 12),
        ],
        [
            [
                p.service_title,
                p.title,
                p.items,
                p.done,
                p.in_progress,
                p.overdue,
                p.not_started,
                p.percent_done,
            ]
            for p in plan.plans
        ],
    )
    overdue = Table(
        "План",
        "Просроченные мероприятия",
        [
            Column("Пункт", Kind.TEXT, 9),
            Column("Мероприятие", Kind.TEXT, 52),
            Column("Услуга", Kind.TEXT, 26),
            Column("Исполнитель", Kind.TEXT, 26),
            Column("Пропущенный срок", Kind.DATE, 13),
        ],
        [
            [
                item.number,
                item.text,
                item.service_title,
                item.executor,
                item.missed_deadline or item.end_date,
            ]
            for item in plan.overdue_items
        ],
    )
    chart = None
    if plan.items:
        chart = charts.stacked_share(
            [
                ("Выполнено", plan.done, PLAN_COLORS["done"]),
                ("В работе", plan.in_progress, PLAN_COLORS["in_progress"]),
                ("Просрочено", plan.overdue, PLAN_COLORS["overdue"]),
                ("Не начато", plan.not_started, PLAN_COLORS["planned"]),
            ],
            description=f"Пунктов плана: {plan.items}, выполнено {plan.done}, в работе "
            f"{plan.in_progress}, просрочено {plan.overdue}, не начато {plan.not_started}",
        )
    paragraphs = []
    if plan.as_of is not None:
        paragraphs.append(f"Состояние на {plan.as_of:%d.%m.%Y}.")
    if plan.items:
        done = "—" if plan.percent_done is None else f"{plan.percent_done:.1f}".replace(".", ",")
        paragraphs.append(
            f"Пунктов в планах: {plan.items}; выполнено {plan.done} ({done} %), в работе "
            f"{plan.in_progress}, просрочено {plan.overdue}, не начато {plan.not_started}."
        )
    status = _status_text(plan.status, plan.note)
    if status:
        paragraphs.append(status)
    tables = [plans] if plan.plans else []
    if plan.overdue_items:
        tables.append(overdue)
    return Section(
        "plan",
        "Исполнение плана мероприятий",
        tables=tables,
        chart=chart,
        sheet_chart=SheetChart("bar", "Пункты планов", 2, [4, 5, 6, 7], stacked=True),
        paragraphs=paragraphs,
    )


def _surveys(report: AnalyticalReport) -> Section:
    surveys = report.surveys
    table = Table(
        "Опросы",
        "Опросы, проводившиеся в периоде",
        [
            Column("Опрос", Kind.TEXT, 30),
            Column("Ссылка", Kind.TEXT, 44),
            Column("Начало", Kind.DATE, 12),
            Column("Окончание", Kind.DATE, 12),
            Column("Респондентов за период", Kind.COUNT, 14),
            Column("Респондентов всего", Kind.COUNT, 13),
            Column("Инструмент", Kind.TEXT, 40),
        ],
        [
            [
                s.title,
                s.link,
                s.start_date,
                s.end_date,
                s.respondents,
                s.respondents_total,
                s.instrument,
            ]
            for s in surveys.surveys
        ],
    )
    status = _status_text(surveys.status, surveys.note)
    if not surveys.surveys and not status:
        status = "Опросы в периоде не проводились."
    return Section(
        "surveys",
        "Сведения об опросах",
        tables=([table] if surveys.surveys else []) + survey_question_tables(report),
        paragraphs=[status] if status else [],
    )


def _daily(report: AnalyticalReport) -> Section:
    points = report.daily
    table = Table(
        "По дням",
        "Ответы по дням",
        [
            Column("День", Kind.DATE, 12),
            Column("Ответов", Kind.COUNT, 10),
            Column("Средняя оценка", Kind.SCORE, 12),
            Column("CSAT", Kind.PERCENT, 10),
        ],
        [[p.day, p.responses, p.average_rating, p.csat] for p in points],
        folded=True,
    )
    chart = None
    if points:
        chart = charts.daily_series(
            [p.day for p in points], [p.responses for p in points], [p.csat for p in points]
        )
    return Section(
        "daily",
        "Динамика по дням",
        tables=[table],
        chart=chart,
        sheet_chart=SheetChart("column", "Ответы и CSAT по дням", 1, [2], secondary_line=4),
    )


def file_stem(report: AnalyticalReport) -> str:
    """«Отчет <subject> <period>» without characters file systems refuse."""
    name = f"Отчет {report.subject.title} {report.period.label}"
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name)
    return re.sub(r"\s+", " ", name).strip()[:120].rstrip(" .")


def report_view(report: AnalyticalReport) -> ReportView:
    subject = report.subject
    agency = (
        f" — {subject.agency_name}"
        if subject.agency_name and subject.kind not in ("agency", "agencies")
        else ""
    )
    optional = [method_section(report), agencies_section(report), services_section(report)]
    sections = [
        *(section for section in optional[:2] if section is not None),
        trend_section(report),
        _distribution(report),
        _criteria(report),
        _breakdown(
            "stages",
            "Удовлетворенность по этапам",
            "Этап",
            "По этапам",
            report.by_stage,
            detail=False,
        ),
        _breakdown(
            "channels",
            "Удовлетворенность по каналам",
            "Канал",
            "По каналам",
            report.by_channel,
            detail=False,
        ),
        _breakdown(
            "touchpoints",
            "Удовлетворенность по точкам взаимодействия",
            "Точка взаимодействия",
            "По точкам",
            report.by_touchpoint,
            detail=True,
        ),
        *(section for section in optional[2:] if section is not None),
        _pain_map(report.pain_map),
        _categories(report),
        _sentiment(report),
        _plan(report),
        effect_section(report.measures_effect),
        _surveys(report),
        *([answers.section(report.answer_satisfaction)] if report.answer_satisfaction else []),
        _daily(report),
    ]
    generated = report.generated_at.astimezone(MOSCOW).strftime("%d.%m.%Y %H:%M (МСК)")
    return ReportView(
        title=report.title,
        subject=f"{subject.kind_label}: {subject.title}{agency}",
        period=_period(report.period),
        previous_period=_period(report.previous_period),
        created=generated,
        metrics=_metrics(report)
        + ([answers.metric(report.answer_satisfaction)] if report.answer_satisfaction else []),
        conclusions=report.conclusions,
        warnings=report.warnings,
        sections=sections,
        file_stem=file_stem(report),
    )


def _period(period: ReportPeriod) -> str:
    dates = f"{period.date_from:%d.%m.%Y} – {period.date_to:%d.%m.%Y}"
    return period.label if period.label == dates else f"{period.label} ({dates})"
