"""The portal widget in a real headless Chromium: a host page on another origin posts through
it when its origin is allowed; from an origin that is not, the browser blocks the post."""

import time
import uuid
from typing import Any

import httpx

from feedback_api.app import create_app
from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from tests import headless
from tests.browser_helpers import require_axe, serious_violations
from tests.conftest import KeyMaker
from tests.feedback_helpers import Catalog
from tests.served import serve_asgi, serve_page
from tests.widget_helpers import operator_of

WAIT_SECONDS = 20.0


def host_page(api: str, token: str, catalog: Catalog) -> str:
    return f"""<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Портал услуг</title></head>
<body><main><h1>Назначение выплаты</h1>
<div data-otklik-widget data-key="{token}" data-service="{catalog.service_id}"
     data-stage="result" data-channel="regional_portal"></div>
<script src="{api}/widget/v1/otklik.js" async></script>
</main></body></html>"""


def wait_for(page: headless.Page, expression: str) -> Any:
    deadline = time.monotonic() + WAIT_SECONDS
    while not (value := page.evaluate(expression)):
        if time.monotonic() > deadline:
            raise TimeoutError(expression)
        time.sleep(0.05)
    return value


def rate_through_widget(page: headless.Page, url: str, comment: str) -> str:
    """Opens the host page, rates 5 with a comment by keyboard-reachable controls, submits;
    the widget's status text once the answer (or the failure) is in."""
    page.open(url, width=420)
    wait_for(page, "document.querySelector('[data-otklik-widget] form') !== null")
    labels = page.evaluate(
        "Array.from(document.querySelectorAll('.otklik-w input[type=radio]'))"
        ".map(i => document.querySelector(`label[for='${i.id}']`).textContent)"
    )
    assert labels[4] == "5 — отлично"
    page.evaluate("document.querySelector('.otklik-w input[value=\"5\"]').click()")
    page.evaluate(
        f"document.querySelector('.otklik-w textarea').value = {comment!r};"
        "document.querySelector('.otklik-w button[type=submit]').click()"
    )
    status: str = wait_for(
        page,
        "(() => { const s = document.querySelector('.otklik-w [role=status]');"
        " const t = s ? s.textContent : ''; return t && t !== 'Отправляем…' ? t : ''; })()",
    )
    return status


async def test_widget_posts_from_an_allowed_origin_and_is_blocked_from_another(
    feedback: httpx.AsyncClient,
    feedback_settings: FeedbackSettings,
    catalog: Catalog,
    make_key: KeyMaker,
) -> None:
    headless.require_tool(*headless.CHROMIUM_NAMES)
    operator = await operator_of(make_key, catalog)
    html = {"page": ""}
    with (
        serve_asgi(create_app(feedback_settings)) as api,
        serve_page(lambda: html["page"]) as allowed,
        serve_page(lambda: html["page"]) as other,
    ):
        # the host pages' origins are known once they listen: the key is minted for one of them
        token = await make_key(
            Scope.FEEDBACK_PUBLISH, agency_id=uuid.UUID(catalog.agency_id), origins=[allowed]
        )
        html["page"] = host_page(api, token, catalog)
        with headless.chromium_page() as page:
            thanked = rate_through_widget(page, allowed + "/", "Виджет на портале: всё ясно")
            blocked = rate_through_widget(page, other + "/", "С чужого сайта")

    assert thanked.startswith("Спасибо!"), thanked
    assert blocked == "Не удалось отправить отзыв: нет связи с сервисом.", blocked
    listed = await feedback.get("/api/v1/feedback", headers=operator)
    assert listed.status_code == 200, listed.text
    items = listed.json()["items"]
    assert [item["comment"] for item in items] == ["Виджет на портале: всё ясно"]
    assert items[0]["rating"] == 5
    assert items[0]["stage"] == "result"
    assert items[0]["channel"] == "regional_portal"


async def test_the_widget_on_a_portal_page_has_no_serious_accessibility_violations(
    feedback_settings: FeedbackSettings, catalog: Catalog, make_key: KeyMaker
) -> None:
    headless.require_tool(*headless.CHROMIUM_NAMES)
    axe = require_axe()
    html = {"page": ""}
    with serve_asgi(create_app(feedback_settings)) as api, serve_page(lambda: html["page"]) as host:
        token = await make_key(
            Scope.FEEDBACK_PUBLISH, agency_id=uuid.UUID(catalog.agency_id), origins=[host]
        )
        html["page"] = host_page(api, token, catalog)
        with headless.chromium_page() as page:
            page.open(host + "/", width=420)
            wait_for(page, "document.querySelector('[data-otklik-widget] form') !== null")
            empty_form = serious_violations(page, axe)
            status = rate_through_widget(page, host + "/", "Проверка доступности виджета")
            after_post = serious_violations(page, axe)

    assert status.startswith("Спасибо!"), status
    assert (empty_form, after_post) == ([], [])
