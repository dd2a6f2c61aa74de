"""Driving the citizens' pages in headless Chromium (tests/headless.py's DevTools tab) as a
person would: real mouse clicks and typed text, forms sent by their own submit buttons, with
the page's JavaScript on or off; axe-core for the accessibility check."""

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from tests.headless import START_TIMEOUT_SECONDS, Page

AXE = Path(__file__).resolve().parent.parent / ".tools/node_modules/axe-core/axe.min.js"
WIDTH = 390  # a phone: the pages are mobile first
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def require_axe() -> str:
    """axe-core's script (`make browser-tools` installs it); skips without it, fails in CI."""
    if AXE.exists():
        return AXE.read_text(encoding="utf-8")
    reason = f"axe-core is not installed at {AXE} (make browser-tools)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; .ci/run installs it, so CI must have it")
    pytest.skip(reason)


def without_javascript(page: Page) -> None:
    page.send("Emulation.setScriptExecutionDisabled", value=True)


def visit(page: Page, url: str) -> None:
    page.send("Page.enable")
    page.send(
        "Emulation.setDeviceMetricsOverride",
        width=WIDTH,
        height=844,
        deviceScaleFactor=1,
        mobile=True,
    )
    page.evaluate("window.__before_submit = true")
    page.send("Page.navigate", url=url)
    _wait_for_new_page(page)


def text_of(page: Page) -> str:
    value: str = page.evaluate("document.body.innerText")
    return value


def _center(page: Page, selector: str) -> tuple[float, float]:
    found = page.evaluate(
        f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
        "if (!e) return null; e.scrollIntoView({block: 'center'});"
        "const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];"
        "})()"
    )
    assert found is not None, f"no element {selector}"
    return float(found[0]), float(found[1])


def click(page: Page, selector: str) -> None:
    x, y = _center(page, selector)
    for kind in ("mousePressed", "mouseReleased"):
        page.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)


def type_into(page: Page, selector: str, text: str) -> None:
    click(page, selector)
    page.send("Input.insertText", text=text)


def choose(page: Page, selector: str, value: str) -> None:
    """Picks an option of a <select> with the keyboard: focus, then arrow down to it."""
    index = page.evaluate(
        f"Array.from(document.querySelector({json.dumps(selector)}).options)"
        f".findIndex(o => o.value === {json.dumps(value)})"
    )
    assert index >= 0, f"{selector} has no option {value!r}"
    page.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
    for _ in range(index):
        for kind in ("keyDown", "keyUp"):
            page.send(
                "Input.dispatchKeyEvent",
                type=kind,
                key="ArrowDown",
                code="ArrowDown",
                windowsVirtualKeyCode=40,
            )
    chosen = page.evaluate(f"document.querySelector({json.dumps(selector)}).value")
    assert chosen == value, f"{selector}: {chosen!r} chosen, not {value!r}"


def submit(page: Page, selector: str = "button[type=submit]") -> None:
    """Clicks the form's button and waits for the page it leads to."""
    page.evaluate("window.__before_submit = true")
    click(page, selector)
    _wait_for_new_page(page)


def _wait_for_new_page(page: Page) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while True:
        try:
            left = page.evaluate(
                "window.__before_submit === undefined && document.readyState === 'complete'"
            )
        except RuntimeError:  # the old page's context went away mid-call
            left = False
        if left:
            return
        if time.monotonic() > deadline:
            raise TimeoutError("the form did not lead to another page")
        time.sleep(0.05)


def location(page: Page) -> str:
    value: str = page.evaluate("location.pathname + location.search")
    return value


def serious_violations(page: Page, axe_script: str) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations of serious or critical impact on the open page."""
    page.send("Runtime.evaluate", expression=axe_script)
    options = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}})
    expression = (
        f"axe.run(document, {options}).then(r => r.violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))"
    )
    result: dict[str, Any] = page.send(
        "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
    )
    assert "exceptionDetails" not in result, result
    violations: list[str] = result["result"]["value"]
    return violations


KEYS = {"Tab": 9, "ArrowRight": 39, " ": 32}


def press(page: Page, key: str) -> None:
    code = "Space" if key == " " else key
    for kind in ("keyDown", "keyUp"):
        page.send(
            "Input.dispatchKeyEvent",
            type=kind,
            key=key,
            code=code,
            windowsVirtualKeyCode=KEYS[key],
            text=key if key == " " and kind == "keyDown" else "",
        )


def focused(page: Page) -> dict[str, str]:
    """The focused element's tag, name, id and the outline drawn for it (on it or its label)."""
    value: dict[str, str] = page.evaluate(
        "(() => { const e = document.activeElement;"
        'const label = e.id ? document.querySelector(`label[for="${e.id}"]`) : null;'
        "const styled = e.type === 'radio' && label ? label : e;"
        "return {tag: e.tagName.toLowerCase(), name: e.name || '', id: e.id || '',"
        "outline: getComputedStyle(styled).outlineStyle}; })()"
    )
    return value
