"""The statistical sections of the laid-out report: the 12-month trend, the ranking of services
and the statement of the method; and the short words tables use for a verdict."""

from otklik_shared.vocab import Criterion
from reporting_worker.reports.render.tables import Column, Kind, Table, Value
from reporting_worker.reports.render.trend_chart import monthly_trend
from reporting_worker.reports.render.view import Section, SheetChart
from reporting_worker.reports.schemas import AnalyticalReport
from reporting_worker.reports.schemas import PainCell as ReportPainCell
from reporting_worker.reports.stat_schemas import ChangeTest, PercentInterval, RankedRow
from reporting_worker.reports.statistics import Verdict

SHORT_VERDICTS = {
    Verdict.SIGNIFICANT: "значимо",
    Verdict.NOT_SIGNIFICANT: "случайно",
    Verdict.TOO_FEW: "мало ответов",
    Verdict.NO_DATA: "нет данных",
}
SECTION_LABELS = {
    "headline": "Всего",
    "stage": "Этап",
    "channel": "Канал",
    "touchpoint": "Точка",
    "service": "Услуга",
    "agency": "Орган власти",
    "pain_map": "Карта болей",
    "criterion": "Критерий",
    "category": "Тема комментариев",
}
CRITERION_COLUMNS = {
    Criterion.PROVISION_TIME: "Время предоставления",
    Criterion.QUEUE_WAIT: "Ожидание в очереди",
    Criterion.STAFF_COURTESY: "Вежливость персонала",
    Criterion.PREMISES_COMFORT: "Комфортность условий",
    Criterion.INFO_AVAILABILITY: "Доступность информации",
}


def interval_text(interval: PercentInterval | None) -> str | None:
    if interval is None:
        return None
    low, high = (f"{v:.1f}".replace(".", ",") for v in (interval.low, interval.high))
    # word joiners: the interval never breaks at its dash
    return f"{low}\u2060–\u2060{high}\u00a0%"


def verdict_text(test: ChangeTest | None) -> str | None:
    return SHORT_VERDICTS[test.verdict] if test is not None else None


def trend_section(report: AnalyticalReport) -> Section:
    points = report.trend
    rows: list[list[Value]] = []
    criteria_rows: list[list[Value]] = []
    for p in points:
        mark = ""
        if p.change.verdict == Verdict.SIGNIFICANT:
            mark = "▲ значимый рост" if p.change.weight > 0 else "▼ значимое снижение"
        label = p.label + (" (неполный)" if p.incomplete else "")
        rows.append(
            [
                label,
                p.responses,
                p.csat,
                interval_text(p.csat_interval),
                p.average_rating,
                mark or verdict_text(p.change),
            ]
        )
        criteria = {c.criterion: c.average for c in p.criteria}
        criteria_rows.append([label, *(criteria.get(c.value) for c in Criterion)])
    table = Table(
        "Тренд",
        "Динамика за 12 месяцев",
        [
            Column("Месяц", Kind.TEXT, 22),
            Column("Ответов", Kind.COUNT, 10),
            Column("CSAT", Kind.PERCENT, 9),
            Column("Интервал CSAT", Kind.TEXT, 14),
            Column("Средняя оценка", Kind.SCORE, 10),
            Column("Изменение CSAT к пред. месяцу", Kind.TEXT, 20),
        ],
        rows,
        note="Отмечены месяцы, где CSAT значимо изменился по сравнению с предыдущим месяцем; "
        "«неполный» — месяц еще идет, данные на дату отчета.",
    )
    criteria_table = Table(
        "Тренд",
        "Критерии оценки за 12 месяцев",
        [
            Column("Месяц", Kind.TEXT, 22),
            *(Column(CRITERION_COLUMNS[c], Kind.SCORE, 13) for c in Criterion),
        ],
        criteria_rows,
        note="Средняя оценка по каждому критерию (1–5) среди ответивших на него.",
    )
    has_data = any(p.responses for p in points)
    return Section(
        "trend",
        "Динамика за 12 месяцев",
        tables=[table, criteria_table] if points else [],
        chart=monthly_trend(points) if has_data else None,
        sheet_chart=SheetChart("column", "Ответы и CSAT по месяцам", 1, [2], secondary_line=3),
        paragraphs=[] if has_data else ["За 12 месяцев нет ответов."],
    )


def services_section(report: AnalyticalReport) -> Section | None:
    return _ranked_section(
        report.by_service, "services", "Удовлетворенность по услугам", "По услугам", "Услуга"
    )


def agencies_section(report: AnalyticalReport) -> Section | None:
    return _ranked_section(
        report.by_agency, "agencies", "Сравнение органов власти", "По органам", "Орган власти"
    )


def _ranked_section(
    rows: list[RankedRow], key: str, title: str, sheet: str, first: str
) -> Section | None:
    if not rows:
        return None
    table = Table(
        sheet,
        f"{title}: от наименьшей удовлетворенности",
        [
            Column("Ранг", Kind.COUNT, 7),
            Column(first, Kind.TEXT, 40),
            Column("Ответов", Kind.COUNT, 10),
            Column("CSAT", Kind.PERCENT, 9),
            Column("Интервал CSAT", Kind.TEXT, 14),
            Column("CSAT сглаженный", Kind.PERCENT, 11),
            Column("Средняя оценка", Kind.SCORE, 10),
            Column("Ответов ранее", Kind.COUNT, 10),
            Column("CSAT ранее", Kind.PERCENT, 9),
            Column("Изменение", Kind.TEXT, 14),
        ],
        [
            [
                r.rank,
                r.label,
                r.responses,
                r.csat,
                interval_text(r.csat_interval),
                r.csat_shrunk,
                r.average_rating,
                r.previous_responses,
                r.previous_csat,
                verdict_text(r.change),
            ]
            for r in rows
        ],
        note="Ранг — по CSAT, сглаженному к CSAT предмета отчета, чтобы строка с несколькими "
        "ответами не оказалась худшей случайно; интервал — Вильсона.",
    )
    return Section(
        key,
        title,
        tables=[table],
        sheet_chart=SheetChart("bar", f"CSAT, %: {first.lower()}", 2, [4]),
    )


def method_section(report: AnalyticalReport) -> Section | None:
    if report.statistics is None:
        return None
    findings = [f.sentence for f in report.findings]
    paragraphs = [report.statistics.text]
    if not findings:
        paragraphs.append("Значимых изменений по сравнению с предыдущим периодом нет.")
    table = Table(
        "Выводы",
        "Значимые изменения, по весу",
        [
            Column("Раздел", Kind.TEXT, 16),
            Column("Показатель", Kind.TEXT, 36),
            Column("Было", Kind.SCORE, 9),
            Column("Стало", Kind.SCORE, 9),
            Column("Ответов ранее", Kind.COUNT, 10),
            Column("Ответов", Kind.COUNT, 10),
            Column("Вес, граждан", Kind.COUNT, 10),
            Column("p-значение", Kind.SCORE, 10),
        ],
        [
            [
                SECTION_LABELS.get(f.section, f.section),
                f.label or "CSAT в целом",
                f.previous,
                f.value,
                f.previous_responses,
                f.responses,
                round(f.test.weight),
                f.test.p_value,
            ]
            for f in report.findings
        ],
    )
    return Section(
        "findings",
        "Значимые изменения и метод",
        tables=[table] if findings else [],
        paragraphs=paragraphs,
    )


def survey_question_tables(report: AnalyticalReport) -> list[Table]:
    """Per survey, its questions with the period's answers: averages, NPS, options, texts."""
    tables = []
    for survey in report.surveys.surveys:
        if not survey.questions:
            continue
        rows: list[list[Value]] = []
        for q in survey.questions:
            shares = "; ".join(
                f"{a.label}: {a.count}"
                + (f" ({a.percent:.1f}\u00a0%)".replace(".", ",") if a.percent is not None else "")
                for a in q.answers
            )
            texts = " | ".join(f"«{t}»" for t in q.latest_texts)
            rows.append([q.number, q.text, q.answered, q.average, q.nps, shares or texts or None])
        tables.append(
            Table(
                "Опросы",
                f"Результаты опроса «{survey.title}» за период по вопросам "
                f"(респондентов: {survey.respondents_in_results or 0})",
                [
                    Column("№", Kind.COUNT, 6),
                    Column("Вопрос", Kind.TEXT, 40),
                    Column("Ответили", Kind.COUNT, 10),
                    Column("Средняя", Kind.SCORE, 10),
                    Column("NPS", Kind.SCORE, 8),
                    Column("Ответы", Kind.TEXT, 60),
                ],
                rows,
            )
        )
    return tables


def pain_cell_details(cell: ReportPainCell) -> list[str]:
    lines = []
    interval = interval_text(cell.csat_interval)
    if interval is not None and cell.csat_shrunk is not None:
        shrunk = f"{cell.csat_shrunk:.1f}".replace(".", ",")
        lines.append(f"Интервал CSAT: {interval}; сглаженный CSAT: {shrunk}\u00a0%")
    if cell.test is not None and cell.previous_csat is not None:
        before = f"{cell.previous_csat:.1f}".replace(".", ",")
        lines.append(
            f"В предыдущем периоде: CSAT {before}\u00a0%, ответов: {cell.previous_responses} "
            f"({SHORT_VERDICTS[cell.test.verdict]})"
        )
    if cell.services:
        lines.append(
            "Услуги: "
            + "; ".join(f"{s.title} ({s.dissatisfied} из {s.responses})" for s in cell.services)
        )
    return lines
