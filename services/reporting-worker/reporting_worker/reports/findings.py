"""Findings: the changes against the previous period that pass the report's test (both periods
at the minimum volume, significant at the level), heaviest first whichever their direction; and
the plain «мало ответов» notes for large moves on too few responses."""

from collections.abc import Iterable

from reporting_worker.reports.figures import share
from reporting_worker.reports.schemas import AnalyticalReport, BreakdownRow, Figures
from reporting_worker.reports.stat_schemas import ChangeTest, Finding
from reporting_worker.reports.statistics import Verdict
from reporting_worker.reports.wording import counted, number, percent

# a «too few responses» note is written only for moves at least this large (п.п.)
NOTABLE_CHANGE_PP = 5.0
SECTION_WORDS = {
    "headline": "",
    "stage": "по этапу",
    "channel": "в канале",
    "touchpoint": "в точке",
    "service": "по услуге",
    "agency": "в органе",
    "pain_map": "в ячейке карты болей",
}


def _responses(now: int, before: int, noun: tuple[str, str, str]) -> str:
    return f"{now} и {counted(before, *noun)}"


def _ratio_sentence(
    what: str, change: float, now: float, before: float, n_now: int, n_before: int, weight: float
) -> str:
    how = "вырос" if change > 0 else "снизился"
    people = abs(round(weight))
    fewer = "меньше" if weight > 0 else "больше"
    tail = f", это около {people} неудовлетворенных {fewer}" if people else ""
    volumes = _responses(n_now, n_before, ("ответ", "ответа", "ответов"))
    return (
        f"{what} {how} на {number(abs(change))} п.п. (с {percent(before)} до {percent(now)}; "
        f"{volumes}){tail}."
    )


def _csat_finding(section: str, key: str, label: str, figures: Figures) -> Finding | None:
    csat, test = figures.csat, figures.csat_test
    if test is None or test.verdict != Verdict.SIGNIFICANT:
        return None
    if csat.value is None or csat.previous is None or csat.change is None:
        return None
    words = SECTION_WORDS[section]
    what = f"CSAT {words} «{label}»" if words else "CSAT в целом"
    n_now, n_before = figures.respondents.value, figures.respondents.previous
    return Finding(
        section=section,
        key=key,
        label=label,
        measure="csat",
        value=csat.value,
        previous=csat.previous,
        change=csat.change,
        responses=n_now,
        previous_responses=n_before,
        test=test,
        sentence=_ratio_sentence(
            what, csat.change, csat.value, csat.previous, n_now, n_before, test.weight
        ),
    )


def _criteria_findings(figures: Figures) -> list[Finding]:
    found = []
    for criterion in figures.criteria:
        average, test = criterion.average, criterion.test
        if test is None or test.verdict != Verdict.SIGNIFICANT:
            continue
        if average.value is None or average.previous is None or average.change is None:
            continue
        how = "выросла" if average.change > 0 else "снизилась"
        volumes = _responses(
            criterion.rated, criterion.previous_rated, ("оценка", "оценки", "оценок")
        )
        found.append(
            Finding(
                section="criterion",
                key=criterion.criterion.value,
                label=criterion.label,
                measure=criterion.criterion.value,
                value=average.value,
                previous=average.previous,
                change=average.change,
                responses=criterion.rated,
                previous_responses=criterion.previous_rated,
                test=test,
                sentence=f"Средняя оценка критерия «{criterion.label}» {how} на "
                f"{number(abs(average.change), 2)} (с {number(average.previous, 2)} до "
                f"{number(average.value, 2)}; {volumes}).",
            )
        )
    return found


def _category_findings(report: AnalyticalReport) -> list[Finding]:
    found = []
    classified = report.sentiment.classified_comments
    for category in report.categories:
        test = category.test
        before = share(category.previous_comments, category.previous_classified)
        if test is None or test.verdict != Verdict.SIGNIFICANT:
            continue
        if category.percent is None or before is None:
            continue
        change = round(category.percent - before, 1)
        how = "выросла" if change > 0 else "снизилась"
        volumes = _responses(
            classified, category.previous_classified, ("комментарий", "комментария", "комментариев")
        )
        found.append(
            Finding(
                section="category",
                key=category.category.value,
                label=category.label,
                measure="share",
                value=category.percent,
                previous=before,
                change=change,
                responses=classified,
                previous_responses=category.previous_classified,
                test=test,
                sentence=f"Доля комментариев на тему «{category.label}» {how} на "
                f"{number(abs(change))} п.п. (с {percent(before)} до {percent(category.percent)}; "
                f"{volumes}).",
            )
        )
    return found


def _rows(report: AnalyticalReport) -> Iterable[tuple[str, BreakdownRow]]:
    for section, rows in (
        ("stage", report.by_stage),
        ("channel", report.by_channel),
        ("touchpoint", report.by_touchpoint),
    ):
        for row in rows:
            yield section, row


def findings(report: AnalyticalReport) -> list[Finding]:
    """Every significant change of the report, the heaviest (most citizens) first."""
    found = [f for f in [_csat_finding("headline", "", "", report.headline)] if f]
    for section, row in _rows(report):
        finding = _csat_finding(section, row.key, row.label, row.figures)
        if finding is not None:
            found.append(finding)
    for cell in report.pain_map.cells:
        if cell.test is None or cell.previous_csat is None:
            continue
        if cell.test.verdict == Verdict.SIGNIFICANT:
            label = f"{cell.stage_label} × {cell.place_label}"
            change = round(cell.csat - cell.previous_csat, 1)
            found.append(
                Finding(
                    section="pain_map",
                    key=f"{cell.stage or ''}:{cell.place}",
                    label=label,
                    measure="csat",
                    value=cell.csat,
                    previous=cell.previous_csat,
                    change=change,
                    responses=cell.responses,
                    previous_responses=cell.previous_responses,
                    test=cell.test,
                    sentence=_ratio_sentence(
                        f"CSAT в ячейке карты болей «{label}»",
                        change,
                        cell.csat,
                        cell.previous_csat,
                        cell.responses,
                        cell.previous_responses,
                        cell.test.weight,
                    ),
                )
            )
    parts = [("service", "по услуге", r) for r in report.by_service]
    parts += [("agency", "в органе", r) for r in report.by_agency]
    for section, words, ranked in parts:
        if ranked.change.verdict != Verdict.SIGNIFICANT or ranked.csat is None:
            continue
        if ranked.previous_csat is None:
            continue
        change = round(ranked.csat - ranked.previous_csat, 1)
        found.append(
            Finding(
                section=section,
                key=str(ranked.id),
                label=ranked.label,
                measure="csat",
                value=ranked.csat,
                previous=ranked.previous_csat,
                change=change,
                responses=ranked.responses,
                previous_responses=ranked.previous_responses,
                test=ranked.change,
                sentence=_ratio_sentence(
                    f"CSAT {words} «{ranked.label}»",
                    change,
                    ranked.csat,
                    ranked.previous_csat,
                    ranked.responses,
                    ranked.previous_responses,
                    ranked.change.weight,
                ),
            )
        )
    found += _criteria_findings(report.headline)
    found += _category_findings(report)
    return sorted(found, key=lambda f: (-abs(f.test.weight), f.section, f.key))


def too_few(report: AnalyticalReport) -> list[str]:
    """Rows whose CSAT moved visibly on fewer responses than the minimum, said plainly."""
    notes = []
    for section, row in _rows(report):
        test: ChangeTest | None = row.figures.csat_test
        change = row.figures.csat.change
        if test is None or test.verdict != Verdict.TOO_FEW or change is None:
            continue
        if abs(change) < NOTABLE_CHANGE_PP:
            continue
        volumes = _responses(
            row.figures.respondents.value,
            row.figures.respondents.previous,
            ("ответ", "ответа", "ответов"),
        )
        notes.append(f"{SECTION_WORDS[section]} «{row.label}» ({volumes})")
    return notes
