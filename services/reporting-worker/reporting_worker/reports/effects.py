"""The effect of the plan's measures: for each item done in the last months that acts on known
stages, CSAT at those stages of its service in the days before and after it was done, with
Wilson intervals and a two-proportion test. Read from the daily aggregates only."""

import uuid
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.vocab import CRITERION_LABELS, STAGE_LABELS, Criterion, Stage
from reporting_worker.reports.effect_repository import StageDay, stage_days
from reporting_worker.reports.figures import Tally, figure
from reporting_worker.reports.periods import Period
from reporting_worker.reports.schemas import (
    CriterionFigure,
    EffectWindow,
    MeasureEffect,
    MeasureEffectSection,
    SectionStatus,
)
from reporting_worker.reports.statistics import pooled_z, wilson_at, z_for
from reporting_worker.reports.upstream import DoneMeasure
from reporting_worker.reports.wording import counted, number, percent

LOOKBACK_DAYS = 183  # items done within about six months before the period's end
WINDOW_DAYS = 90  # each side of the done day
MIN_RESPONSES = 30  # per window, for a finding
CONFIDENCE = 95.0
METHOD = (
    f"Для каждого пункта плана, выполненного за последние {LOOKBACK_DAYS} дней до конца "
    "периода, у которого известны этапы (этап предложения, из которого принят пункт, или "
    "сопоставление пунктов типового плана этапам и критериям), сравнивается CSAT на этих "
    f"этапах услуги плана: «до» — {WINDOW_DAYS} дней перед днем выполнения, «после» — со дня "
    f"после выполнения до конца периода, не более {WINDOW_DAYS} дней. Интервалы — Уилсона, "
    f"{number(CONFIDENCE)} %; изменение значимо, если двусторонний тест двух долей отвергает "
    f"«нет изменения» на этом уровне и в каждом окне не менее {MIN_RESPONSES} ответов."
)


def _window(
    tallies: Mapping[StageDay, Tally],
    measure: DoneMeasure,
    first: date,
    last: date,
    z: float,
) -> EffectWindow:
    total: dict[str, int] = {}
    for (service_id, stage, day), tally in tallies.items():
        if service_id == measure.service_id and stage in measure.stages and first <= day <= last:
            for name, value in tally.items():
                total[name] = total.get(name, 0) + value
    responses = total.get("responses", 0)
    satisfied = total.get("rating_4", 0) + total.get("rating_5", 0)
    interval = wilson_at(satisfied, responses, z)
    criteria = []
    for code in measure.criteria:
        rated = total.get(f"{code}_count", 0)
        average = round(total.get(f"{code}_sum", 0) / rated, 2) if rated else None
        criterion = Criterion(code)
        criteria.append(
            CriterionFigure(
                criterion=criterion,
                label=CRITERION_LABELS[criterion],
                average=figure(average, None, digits=2),
                rated=rated,
            )
        )
    return EffectWindow(
        date_from=first,
        date_to=last,
        responses=responses,
        satisfied=satisfied,
        csat=round(100 * satisfied / responses, 1) if responses else None,
        csat_low=round(100 * interval.low, 1) if interval else None,
        csat_high=round(100 * interval.high, 1) if interval else None,
        criteria=criteria,
    )


def _verdict(before: EffectWindow, after: EffectWindow, z: float) -> tuple[float | None, bool, str]:
    if before.csat is None or after.csat is None:
        return None, False, "Нет ответов на этих этапах в одном из окон: эффект не оценить."
    change = round(after.csat - before.csat, 1)
    volumes = (
        f"{counted(before.responses, 'ответ', 'ответа', 'ответов')} до, "
        f"{counted(after.responses, 'ответ', 'ответа', 'ответов')} после"
    )
    if min(before.responses, after.responses) < MIN_RESPONSES:
        return change, False, f"Мало ответов для вывода ({volumes}; нужно от {MIN_RESPONSES})."
    statistic = pooled_z(before.satisfied, before.responses, after.satisfied, after.responses)
    moved = f"с {percent(before.csat)} до {percent(after.csat)}"
    if statistic is None or abs(statistic) < z:
        return change, False, f"Значимого изменения нет: CSAT {moved} ({volumes})."
    direction = "вырос" if change > 0 else "снизился"
    return (
        change,
        True,
        f"CSAT {direction} на {number(abs(change))} п.п. ({moved}; {volumes}) — изменение значимо.",
    )


def _stage_label(code: str) -> str:
    return STAGE_LABELS[Stage(code)]


async def measures_effect(
    session: AsyncSession,
    period: Period,
    done: Sequence[DoneMeasure],
    service_titles: Mapping[uuid.UUID, str],
) -> MeasureEffectSection:
    recent = [
        m
        for m in done
        if m.stages and period.last - timedelta(days=LOOKBACK_DAYS) <= m.done_on < period.last
    ]
    if not recent:
        return MeasureEffectSection(
            status=SectionStatus.NO_DATA,
            note="Нет данных: за последние месяцы не выполнено пунктов плана, для которых "
            "известен этап клиентского пути.",
            method=METHOD,
            min_responses=MIN_RESPONSES,
            confidence=CONFIDENCE,
        )
    z = z_for(CONFIDENCE)
    tallies = await stage_days(
        session,
        service_ids={m.service_id for m in recent},
        stages={s for m in recent for s in m.stages},
        first=min(m.done_on for m in recent) - timedelta(days=WINDOW_DAYS),
        last=period.last,
    )
    items = []
    for measure in sorted(recent, key=lambda m: (m.done_on, m.number), reverse=True):
        before = _window(
            tallies,
            measure,
            measure.done_on - timedelta(days=WINDOW_DAYS),
            measure.done_on - timedelta(days=1),
            z,
        )
        after = _window(
            tallies,
            measure,
            measure.done_on + timedelta(days=1),
            min(measure.done_on + timedelta(days=WINDOW_DAYS), period.last),
            z,
        )
        change, significant, verdict = _verdict(before, after, z)
        items.append(
            MeasureEffect(
                plan_id=measure.plan_id,
                item_id=measure.item_id,
                number=measure.number,
                text=measure.text,
                service_id=measure.service_id,
                service_title=service_titles.get(measure.service_id, "Услуга (нет в справочнике)"),
                done_on=measure.done_on,
                stages=[Stage(s) for s in measure.stages],
                stage_labels=[_stage_label(s) for s in measure.stages],
                criteria=[Criterion(c) for c in measure.criteria],
                before=before,
                after=after,
                change=change,
                significant=significant,
                verdict=verdict,
            )
        )
    return MeasureEffectSection(
        status=SectionStatus.OK,
        method=METHOD,
        min_responses=MIN_RESPONSES,
        confidence=CONFIDENCE,
        items=items,
    )


def effect_findings(section: MeasureEffectSection, limit: int = 3) -> list[str]:
    """Conclusions from the significant effects only, the largest change first."""
    significant = [i for i in section.items if i.significant and i.change is not None]
    significant.sort(key=lambda i: -abs(i.change or 0))
    sentences = []
    for item in significant[:limit]:
        stages = ", ".join(f"«{label}»" for label in item.stage_labels)
        direction = "вырос" if (item.change or 0) > 0 else "снизился"
        sentences.append(
            f"После выполнения пункта {item.number} плана ({item.done_on:%d.%m.%Y}) CSAT "
            f"на этапе {stages} {direction} на {number(abs(item.change or 0))} п.п. (с "
            f"{percent(item.before.csat or 0)} до {percent(item.after.csat or 0)}), изменение "
            "значимо."
        )
    return sentences
