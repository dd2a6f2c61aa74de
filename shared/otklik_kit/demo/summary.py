"""What the demo tells at the end: what it loaded, how long each phase took, what to look for in
the reports and where to open them."""

from otklik_kit.demo.runner import DemoResult


def _n(number: int) -> str:
    """12 345: thousands apart, as Russian texts write them."""
    return f"{number:,}".replace(",", " ")


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def summary(result: DemoResult, timings: dict[str, float], key_hint: str) -> str:
    region, catalog = result.region, result.catalog
    made, found = result.touchpoints
    plans = result.plans
    lines = [
        "",
        f"Demo region «{region.name}» — done in {_duration(sum(timings.values()))}:",
        f"  catalog      {len(catalog.agencies)} agencies, {len(catalog.service_ids())} services, "
        f"{len(catalog.situations)} life situations ({catalog.created} made, "
        f"{catalog.reused} found from an earlier run)",
        f"  touchpoints  {made + found} ({made} made)",
        f"  surveys      {len(result.survey_facts)} runs: "
        + ", ".join(f"{f['respondents']} answers" for f in result.survey_facts.values()),
        f"  plans        {plans['approved']} approved, {plans['draft_plan']} draft, "
        f"{plans['draft_checklist']} draft checklist, {plans['kept']} left as found",
    ]
    lines += _feedback_lines(result, timings)
    lines.append(
        "  phases       " + ", ".join(f"{name} {_duration(s)}" for name, s in timings.items())
    )
    lines += ["", "What the numbers show (the stories of the region):"]
    lines += [f"  • {story.note}" for story in region.stories]
    lines += _report_lines(result, key_hint)
    return "\n".join(lines)


def _feedback_lines(result: DemoResult, timings: dict[str, float]) -> list[str]:
    if result.skipped_feedback is not None:
        counted = "?" if result.counted is None else _n(result.counted)
        return [
            f"  feedback     not loaded again: the region has feedback (the newest received "
            f"{result.skipped_feedback:%Y-%m-%d %H:%M} UTC), {counted} counted so far; for a "
            "fresh region start from an empty database (stop make run, remove .otklik/)"
        ]
    stats = result.generated
    assert stats is not None
    seconds = timings.get("feedback", 0.0)
    rate = stats.posted / seconds if seconds else 0.0
    lines = [
        f"  feedback     {_n(stats.posted)} in {_duration(seconds)} ({_n(round(rate))}/s): "
        f"{stats.comments / max(1, stats.posted):.0%} with comments, "
        f"{stats.contacts} with (invented) contacts"
    ]
    if result.counted is None:
        lines.append("  aggregated   (this reporting API does not tell: no /aggregates/totals)")
    else:
        waited = _duration(timings.get("aggregated", 0.0))
        lines.append(
            f"  aggregated   {_n(result.counted)} counted by the reporting worker, "
            f"{waited} after the last post"
        )
    return lines


def _report_lines(result: DemoResult, key_hint: str) -> list[str]:
    if result.reports is None:
        return [
            "",
            "Reports: this reporting-worker does not build reports yet (no POST "
            "/api/v1/reports); the step was skipped.",
        ]
    lines = ["", f"Monthly reports for {result.report_month}:"]
    width = max((len(r.title) for r in result.reports), default=0)
    for report in result.reports:
        where = report.saved.as_uri() if report.saved else report.html or report.link
        state = "" if report.status == "done" else f"  [{report.status}]"
        lines.append(f"  {report.title:<{width}}  {where}{state}")
    first = result.reports[0] if result.reports else None
    if first is not None and first.saved is not None:
        lines.append(
            f"  (pages saved to open in a browser; from the API with the key {key_hint}: "
            f"{first.html}, also export.pdf and export.xlsx)"
        )
    elif first is not None and first.html is not None:
        lines.append(f"  (with the API key {key_hint}; also export.pdf and export.xlsx)")
    else:
        lines.append(f"  (the report as JSON, with the API key {key_hint})")
    return lines
