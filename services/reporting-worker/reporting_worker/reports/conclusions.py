"""Main conclusions: plain Russian sentences derived from the report's numbers — what changed
significantly, where, by how much, on how many responses; what moved on too few responses to
say; the weakest stage, criterion and service; the top pain; the trend; plans and surveys."""

from reporting_worker.reports import findings as found
from reporting_worker.reports.schemas import AnalyticalReport, PlaceKind, SectionStatus
from reporting_worker.reports.statistics import DEFAULT_RULES, Rules, Verdict, proportion_change
from reporting_worker.reports.wording import counted, number, percent

# a stage or criterion is named the weakest only with this many responses
MIN_RESPONSES = 5
MAX_FINDINGS = 10
# said elsewhere: the headline in its own sentence, pain-map cells in the map (they repeat the
# stage and channel changes they sit in)
NOT_REPEATED = frozenset({"headline", "pain_map"})
MAX_TOO_FEW = 6


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
        test = report.headline.csat_test
        respondents = report.headline.respondents
        if test is not None and test.verdict == Verdict.TOO_FEW:
            sentence += (
                f"; сравнивать с предыдущим периодом ({percent(csat.previous)}) нельзя — мало "
                f"ответов ({respondents.value} и {respondents.previous}, нужно не менее "
                f"{_min_responses(report)} в каждом)"
            )
        elif csat.change == 0:
            sentence += ", как и в предыдущем периоде"
        else:
            how = "выросла" if csat.change > 0 else "снизилась"
            sentence += (
                f" и {how} на {number(abs(csat.change))} п.п. по сравнению с предыдущим "
                f"периодом ({percent(csat.previous)})"
            )
            if test is not None and test.verdict == Verdict.NOT_SIGNIFICANT:
                sentence += " — в пределах случайных колебаний"
    interval = report.headline.csat_interval
    if interval is not None and report.statistics is not None:
        sentence += (
            f"; доверительный интервал {number(100 * report.statistics.level)} % — "
            f"{number(interval.low)}–{percent(interval.high)}"
        )
    return [sentence + ".", f"Средняя оценка — {number(average.value, 2)} из 5."]


def _rules(report: AnalyticalReport) -> Rules:
    method = report.statistics
    if method is None:
        return DEFAULT_RULES
    return Rules(method.level, method.min_responses, method.prior_weight)


def _min_responses(report: AnalyticalReport) -> int:
    return report.statistics.min_responses if report.statistics else 0


def changes(report: AnalyticalReport) -> list[str]:
    """The significant changes below the headline, heaviest first."""
    return [f.sentence for f in report.findings if f.section not in NOT_REPEATED][:MAX_FINDINGS]


def too_few(report: AnalyticalReport) -> list[str]:
    notes = found.too_few(report)
    if not notes:
        return []
    shown = ", ".join(notes[:MAX_TOO_FEW])
    more = f" и еще {len(notes) - MAX_TOO_FEW}" if len(notes) > MAX_TOO_FEW else ""
    return [
        f"Мало ответов для сравнения с предыдущим периодом (нужно не менее "
        f"{_min_responses(report)} в каждом): {shown}{more}."
    ]


def worst_agency(report: AnalyticalReport) -> list[str]:
    if len(report.by_agency) < 2:
        return []
    row = report.by_agency[0]
    if row.csat is None or row.csat_interval is None:
        return []
    return [
        f"Ниже всего удовлетворенность в органе «{row.label}»: CSAT {percent(row.csat)} "
        f"(интервал {number(row.csat_interval.low)}–{percent(row.csat_interval.high)}, "
        f"{counted(row.responses, 'ответ', 'ответа', 'ответов')})."
    ]


def worst_service(report: AnalyticalReport) -> list[str]:
    if len(report.by_service) < 2:
        return []
    row = report.by_service[0]
    if row.csat is None or row.csat_interval is None:
        return []
    return [
        f"Ниже всего удовлетворенность услугой «{row.label}»: CSAT {percent(row.csat)} "
        f"(интервал {number(row.csat_interval.low)}–{percent(row.csat_interval.high)}, "
        f"{counted(row.responses, 'ответ', 'ответа', 'ответов')})."
    ]


def trend(report: AnalyticalReport) -> list[str]:
    marked = [p for p in report.trend if p.change.verdict == Verdict.SIGNIFICANT]
    if not marked:
        return []
    months = ", ".join(
        f"{p.label} ({'рост' if p.change.weight > 0 else 'снижение'})" for p in marked
    )
    return [f"За 12 месяцев CSAT значимо менялся к предыдущему месяцу: {months}."]


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
    significant = category.test is not None and category.test.verdict == Verdict.SIGNIFICANT
    if category.previous_comments and category.change and significant:
        more = "больше" if category.change > 0 else "меньше"
        sentence += f", на {abs(category.change)} {more}, чем в предыдущем периоде"
    return [sentence + "."]


def negative_share(report: AnalyticalReport) -> list[str]:
    negative = next(s for s in report.sentiment.shares if s.sentiment == "negative")
    if negative.percent is None:
        return []
    sentence = f"Доля негативных комментариев — {percent(negative.percent)}"
    section = report.sentiment
    before = round((negative.previous_percent or 0) * section.previous_classified_comments / 100)
    test = proportion_change(
        negative.count,
        section.classified_comments,
        before,
        section.previous_classified_comments,
        _rules(report),
    )
    if test.verdict == Verdict.TOO_FEW:
        sentence += " (мало комментариев, чтобы сравнивать с предыдущим периодом)"
    elif test.verdict == Verdict.NOT_SIGNIFICANT:
        sentence += " (изменение в пределах случайных колебаний)"
    elif negative.change and negative.previous_percent is not None:
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
        *changes(report),
        *too_few(report),
        *weakest_stage(report),
        *worst_agency(report),
        *worst_service(report),
        *weakest_criterion(report),
        *top_pain(report),
        *top_category(report),
        *negative_share(report),
        *trend(report),
        *plans(report),
        *surveys(report),
    ]
