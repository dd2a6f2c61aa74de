"""Findings of the report on known datasets posted through feedback-api: a large drop on a small
channel is not a finding while a moderate change on a large one is; the pain map's smoothing
keeps a 3-response cell below a 300-response cell of a bit better raw CSAT."""

from datetime import timedelta

import httpx
from fastapi import FastAPI

from reporting_worker.config import ReportingSettings
from tests.conftest import KeyMaker
from tests.feedback_helpers import Catalog
from tests.report_helpers import service_key, today, upstream_on
from tests.stats_helpers import build, many, post_all, rated


async def test_a_large_drop_on_a_small_channel_is_not_a_finding_but_a_moderate_one_on_a_large_is(
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    plans_app: FastAPI,
    portal: dict[str, str],
    admin_headers: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
) -> None:
    now, before = today() - timedelta(days=3), today() - timedelta(days=13)

    def at(day: object, channel: str) -> object:
        return lambda rating: rated(catalog.service_id, day, rating, channel=channel)  # type: ignore[arg-type]

    items = [
        # MFC: 80 % of 2000 before, 75 % of 2000 now (−5 п.п.)
        *many(2000, 1600, at(before, "mfc")),
        *many(2000, 1500, at(now, "mfc")),
        # SMS: 100 % of 8 before, 75 % of 8 now (−25 п.п.)
        *many(8, 8, at(before, "sms")),
        *many(8, 6, at(now, "sms")),
    ]
    await post_all(feedback, feedback_app, portal, items)
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    body = {
        "subject_kind": "service",
        "subject_id": catalog.service_id,
        "date_from": str(today() - timedelta(days=9)),
        "date_to": str(today()),
    }
    report = await build(reporting, reporting_settings, upstream, admin_headers, body)

    channels = {row["key"]: row["figures"] for row in report["by_channel"]}
    sms, mfc = channels["sms"], channels["mfc"]
    assert (sms["csat"]["change"], sms["respondents"]["value"]) == (-25.0, 8)
    assert sms["csat_test"]["verdict"] == "too_few"
    assert (mfc["csat"]["change"], mfc["respondents"]["value"]) == (-5.0, 2000)
    assert mfc["csat_test"]["verdict"] == "significant"
    assert mfc["csat_test"]["weight"] == -100.0  # 100 more dissatisfied of 2000 at the old share
    found = {(f["section"], f["key"]) for f in report["findings"]}
    assert ("channel", "mfc") in found
    assert ("channel", "sms") not in found
    # heaviest first, whatever the direction: the whole service (−102) before the MFC (−100)
    assert [(f["section"], f["key"]) for f in report["findings"]][:2] == [
        ("headline", ""),
        ("stage", "application"),
    ]
    assert all(abs(f["test"]["weight"]) >= 100 for f in report["findings"])
    assert (
        "CSAT в канале «МФЦ» снизился на 5 п.п. (с 80 % до 75 %; 2000 и 2000 ответов), это около "
        "100 неудовлетворенных больше." in report["conclusions"]
    )
    assert not any("«SMS»" in c and "снизился" in c for c in report["conclusions"])
    assert any(
        c.startswith("Мало ответов для сравнения") and "в канале «SMS» (8 и 8 ответов)" in c
        for c in report["conclusions"]
    )


async def test_pain_map_smoothing_puts_a_three_response_cell_below_a_large_one(
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    plans_app: FastAPI,
    portal: dict[str, str],
    admin_headers: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
) -> None:
    day = today() - timedelta(days=2)

    def at(channel: str, stage: str) -> object:
        return lambda rating: rated(catalog.service_id, day, rating, channel=channel, stage=stage)

    items = [
        # the large cell: 110 of 300 satisfied, 36.7 %
        *many(300, 110, at("mfc", "application")),
        # the small cell: 1 of 3, 33.3 % — a bit worse raw
        *many(3, 1, at("sms", "application")),
        # the rest of the service is content: 270 of 300
        *many(300, 270, at("epgu", "result")),
    ]
    await post_all(feedback, feedback_app, portal, items)
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    body = {
        "subject_kind": "service",
        "subject_id": catalog.service_id,
        "date_from": str(today() - timedelta(days=9)),
        "date_to": str(today()),
    }
    report = await build(reporting, reporting_settings, upstream, admin_headers, body)

    cells = {c["place"]: c for c in report["pain_map"]["cells"]}
    large, small = cells["mfc"], cells["sms"]
    assert (large["responses"], large["csat"]) == (300, 36.7)
    assert (small["responses"], small["csat"]) == (3, 33.3)
    assert large["rank"] < small["rank"]
    assert report["pain_map"]["cells"][0]["place"] == "mfc"
    # the subject's CSAT: 381 / 603; the small cell is pulled toward it, the large one hardly
    prior = 381 / 603
    assert small["csat_shrunk"] == round(100 * (1 + 20 * prior) / 23, 1)
    assert large["csat_shrunk"] == round(100 * (110 + 20 * prior) / 320, 1)
    # N and the interval shown with each cell
    # Wilson 95 % of 1 of 3: 6.1–79.2 %
    assert small["csat_interval"] == {"low": 6.1, "high": 79.2}
    assert 31 < large["csat_interval"]["low"] < 36.7 < large["csat_interval"]["high"] < 43
