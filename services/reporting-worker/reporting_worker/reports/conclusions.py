"""Main conclusions: plain Russian sentences derived from the report's numbers — what changed,
where, by how much; the weakest stage and criterion; the top pain; plans and surveys."""

from collections.abc import Iterable

from reporting_worker.reports.schemas import (
    AnalyticalReport,
    BreakdownRow,
    PlaceKind,
    SectionStatus,
)
from reporting_worker.reports.wording import counted, number, percent

# a stage or channel is compared only with this many responses in both periods
MIN_RESPONSES = 5
# and mentioned only when its CSAT moved by at least this many percentage points
NOTABLE_CHANGE_PP = 5.0
MAX_DROPS = 3
MAX_RISES = 2


def _ratings(count: int) -> str:
    return counted(count, "оценка", "оценки", "оценок")


def volume(report: AnalyticalReport) -> str:
    label, figure = report.period.label, report.headline.respondents
    if figure.value == 0:
        before = f" (в предыдущем периоде — {figure.previous})" if figure.previous else ""
        return f"За {label} оценок не поступило{before}."
    if figure.previous == 0:
        return (
            f"За {label} получено {_ratings(figure.value)} (в предыдущем периоде оценок не было)."
        )
    if figure.change == 0:
        same = "столько же, сколько в предыдущем периоде"
        return f"За {label} получено {_ratings(figure.value)} — {same}."
    more = "больше" if figure.change > 0 else "меньше"
    return (
        f"За {label} получено {_ratings(figure.value)} — на {abs(figure.change)} {more}, "
        f"чем в предыдущем периоде ({figure.previous})."
    )


def satisfaction(report: AnalyticalReport) -> list[str]:
    csat, average = report.headline.csat, report.headline.average_rating
    if csat.value is None or average.value is None:
        return []
    sentence = f"Доля удовлетворенных (CSAT, оценки 4–5) составила {percent(csat.value)}"
    if csat.change is not None and csat.previous is not None:
        if csat.change == 0:
            sentence += ", как и в предыдущем периоде"
        else:
            how = "выросла" if csat.change > 0 else "снизилась"
            sentence += (
                f" и {how} на {number(abs(csat.change))} п.п. по сравнению с предыдущим "
                f"периодом ({percent(csat.previous)})"
            )
    return [sentence + ".", f"Средняя оценка — {number(average.value, 2)} из 5."]


def _moved(rows: Iterable[BreakdownRow], subject: str) -> list[str]:
    comparable = [
        row
        for row in rows
        if row.figures.respondents.value >= MIN_RESPONSES
        and row.figures.respondents.previous >= MIN_RESPONSES
        and row.figures.csat.change is not None
        and abs(row.figures.csat.change) >= NOTABLE_CHANGE_PP
    ]
    ordered = sorted(comparable, key=lambda row: (row.figures.csat.change or 0, row.key))
    drops = [row for row in ordered if (row.figures.csat.change or 0) < 0][:MAX_DROPS]
    rises = [row for row in reversed(ordered) if (row.figures.csat.change or 0) > 0][:MAX_RISES]
    sentences = []
    for row in drops + rises:
        csat = row.figures.csat
        assert csat.change is not None
        assert csat.value is not None
        assert csat.previous is not None
        how = "снизился" if csat.change < 0 else "вырос"
        sentences.append(
            f"CSAT {subject} «{row.label}» {how} на {number(abs(csat.change))} п.п. "
            f"(с {percent(csat.previous)} до {percent(csat.value)})."
        )
    return sentences


def weakest_stage(report: AnalyticalReport) -> list[str]:
    rated = [
        row
        for row in report.by_stage
        if row.key
        and row.figures.respondents.value >= MIN_RESPONSES
        and row.figures.csat.value is not None
    ]
    if len(rated) < 2:
        return []
    row = min(rated, key=lambda r: (r.figures.csat.value or 0, r.key))
    assert row.figures.csat.value is not None
    responses = counted(row.figures.respondents.value, "ответ", "ответа", "ответов")
    return [
        f"Ниже всего удовлетворенность на этапе «{row.label}»: CSAT "
        f"{percent(row.figures.csat.value)}, {responses}."
    ]


def weakest_criterion(report: AnalyticalReport) -> list[str]:
    rated = [
        c
        for c in report.headline.criteria
        if c.rated >= MIN_RESPONSES and c.average.value is not None
    ]
    if not rated:
        return []
    criterion = min(rated, key=lambda c: (c.average.value or 0, c.criterion.value))
    average = criterion.average
    assert average.value is not None
    before = (
        f" (в предыдущем периоде — {number(average.previous, 2)})"
        if average.previous is not None
        else ""
    )
    return [
        f"Ниже всего оценен критерий «{criterion.label}» — {number(average.value, 2)} из 5{before}."
    ]


def top_pain(report: AnalyticalReport) -> list[str]:
    if not report.pain_map.cells:
        return []
    cell = report.pain_map.cells[0]
    place = "точка" if cell.place_kind == PlaceKind.TOUCHPOINT else "канал"
    sentence = (
        f"Главная точка боли — этап «{cell.stage_label}», {place} «{cell.place_label}»: CSAT "
        f"{percent(cell.csat)}, неудовлетворенных оценок — {cell.dissatisfied} из {cell.responses}"
    )
    if cell.categories:
        topics = ", ".join(f"«{c.label}» ({c.comments})" for c in cell.categories)
        sentence += f"; чаще всего жалуются на: {topics}"
    return [sentence + "."]


def top_category(report: AnalyticalReport) -> list[str]:
    pains = [c for c in report.categories if c.category.value not in ("praise", "other")]
    if not pains or pains[0].comments == 0 or pains[0].percent is None:
        return []
    category = pains[0]
    sentence = (
        f"Самая частая тема комментариев — «{category.label}»: {category.comments} из "
        f"{report.sentiment.classified_comments} ({percent(category.percent or 0)})"
    )
    if category.previous_comments and category.change:
        more = "больше" if category.change > 0 else "меньше"
        sentence += f", на {abs(category.change)} {more}, чем в предыдущем периоде"
    return [sentence + "."]


def negative_share(report: AnalyticalReport) -> list[str]:
    negative = next(s for s in report.sentiment.shares if s.sentiment == "negative")
    if negative.percent is None:
        return []
    sentence = f"Доля негативных комментариев — {percent(negative.percent)}"
    if negative.change and negative.previous_percent is not None:
        how = "выросла" if negative.change > 0 else "снизилась"
        sentence += (
            f" ({how} на {number(abs(negative.change))} п.п., "
            f"с {percent(negative.previous_percent)})"
        )
    return [sentence + "."]


def plans(report: AnalyticalReport) -> list[str]:
    progress = report.plan_progress
    if progress.status == SectionStatus.UNAVAILABLE:
        return ["Сведения о выполнении планов мероприятий получить не удалось."]
    if not progress.plans:
        return ["Утвержденных планов мероприятий по оптимизации нет."]
    done = percent(progress.percent_done or 0)
    return [
        f"По планам мероприятий выполнено {progress.done} из "
        f"{counted(progress.items, 'пункта', 'пунктов', 'пунктов')} ({done}), в работе — "
        f"{progress.in_progress}, просрочено — {progress.overdue}, не начато — "
        f"{progress.not_started}."
    ]


def surveys(report: AnalyticalReport) -> list[str]:
    section = report.surveys
    if section.status == SectionStatus.UNAVAILABLE:
        return ["Сведения об опросах получить не удалось."]
    return [
        f"Проводился опрос «{s.title}» ({s.start_date:%d.%m.%Y} – {s.end_date:%d.%m.%Y}): "
        f"за период ответили {counted(s.respondents, 'респондент', 'респондента', 'респондентов')}."
        for s in section.surveys
    ]


def conclusions(report: AnalyticalReport) -> list[str]:
    return [
        volume(report),
        *satisfaction(report),
        *_moved(report.by_stage, "по этапу"),
        *_moved(report.by_channel, "в канале"),
        *weakest_stage(report),
        *weakest_criterion(report),
        *top_pain(report),
        *top_category(report),
        *negative_share(report),
        *plans(report),
        *surveys(report),
    ]
