"""The demo's generated feedback: the same seed gives the same data, and the region's stories
show in the numbers the reports read."""

from collections import Counter
from datetime import UTC, datetime
from typing import Any

from otklik_kit.demo.generate.feedback import FeedbackGenerator, Target
from otklik_kit.demo.generate.rhythm import month_offset
from otklik_kit.demo.region import load_region
from otklik_shared.measures import MOSCOW
from otklik_shared.vocab import Channel

END = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)
POINTS = {Channel.MFC: ["mfc-office"], Channel.AGENCY_OFFICE: ["reception"]}


def generated(seed: int, total: int = 20_000) -> list[dict[str, Any]]:
    region = load_region()
    targets = [
        Target(agency, agency.key, service, service.key, POINTS)
        for agency, service in region.services()
    ]
    generator = FeedbackGenerator(
        targets, region.stories, total=total, months=6, end=END, seed=seed
    )
    return [item for batch in generator.batches(1000) for item in batch]


def month_of(item: dict[str, Any]) -> int:
    day = datetime.fromisoformat(item["occurred_at"]).astimezone(MOSCOW).date()
    return month_offset(day, END.astimezone(MOSCOW).date())


def test_the_same_seed_gives_the_same_feedback() -> None:
    assert generated(5, total=3000) == generated(5, total=3000)
    assert generated(5, total=3000) != generated(6, total=3000)


def test_generated_feedback_fits_the_window_and_the_ingest_rules() -> None:
    items = generated(1)
    assert len(items) == 20_000
    assert len({item["idempotency_key"] for item in items}) == len(items)
    moments = [datetime.fromisoformat(item["occurred_at"]) for item in items]
    assert max(moments) <= END
    assert {month_of(item) for item in items} == set(range(-6, 1))
    assert {item["rating"] for item in items} == {1, 2, 3, 4, 5}
    commented = sum(1 for item in items if "comment" in item) / len(items)
    assert 0.25 < commented < 0.35
    weekdays = Counter(moment.astimezone(MOSCOW).weekday() for moment in moments)
    assert weekdays[1] > 2 * weekdays[6]  # a Tuesday is busier than a Sunday


def test_the_queue_at_the_mfc_gets_worse_last_month_for_the_child_payment() -> None:
    waits: dict[int, list[int]] = {-2: [], -1: []}
    complaints: Counter[int] = Counter()
    for item in generated(2):
        month = month_of(item)
        if item.get("service_id") != "child_payment_3_7" or month not in waits:
            continue
        if item["channel"] == "mfc" and "queue_wait" in item["criteria"]:
            waits[month].append(item["criteria"]["queue_wait"])
        if "очеред" in item.get("comment", "").lower():
            complaints[month] += 1
    before, last = (sum(w) / len(w) for w in (waits[-2], waits[-1]))
    assert before - last > 1.2
    assert complaints[-1] > 2 * complaints[-2]
