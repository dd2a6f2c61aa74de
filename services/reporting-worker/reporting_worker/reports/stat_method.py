"""The report's statement of its statistical method, from the rules it was built with."""

from reporting_worker.config import ReportingSettings
from reporting_worker.reports.stat_schemas import StatisticsMethod
from reporting_worker.reports.statistics import Rules
from reporting_worker.reports.wording import number


def rules_from(settings: ReportingSettings) -> Rules:
    return Rules(
        level=settings.report_significance_level,
        min_responses=settings.report_min_responses,
        prior_weight=settings.report_prior_weight,
    )


def method(rules: Rules) -> StatisticsMethod:
    level = number(100 * rules.level)
    return StatisticsMethod(
        level=rules.level,
        min_responses=rules.min_responses,
        prior_weight=rules.prior_weight,
        text=(
            f"Изменение считается выводом, только если в обоих периодах не менее "
            f"{rules.min_responses} ответов и оно статистически значимо на уровне {level} %: "
            "для CSAT и долей — z-критерий разности двух долей, для средних оценок критериев — "
            "z-критерий с наибольшей возможной для шкалы 1–5 дисперсией. Интервалы CSAT — "
            f"интервалы Вильсона ({level} %). Выводы упорядочены по весу: сколько граждан "
            "текущего периода затрагивает изменение. Ячейки карты болей и услуги ранжируются по "
            f"CSAT, сглаженному к CSAT предмета отчета ({number(rules.prior_weight)} условных "
            "ответов), чтобы несколько ответов не выводили место вперед случайно."
        ),
    )
