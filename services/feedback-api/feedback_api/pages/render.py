"""Rendering citizens' pages: Jinja2 templates, one layout, strict security headers."""

from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.responses import HTMLResponse, Response

# our own CSS and JS only; forms post only to us; no framing (the widget's iframe variant, if
# any, relaxes frame-ancestors for its own pages)
CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # private answer links must not leak to other sites through Referer
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
ASSETS = {"pages.css": "text/css; charset=utf-8", "pages.js": "text/javascript; charset=utf-8"}


class FormValues(dict[str, Any]):
    """What a form sent (or nothing yet), as templates read it: `get` and `getlist`."""

    @classmethod
    def of(cls, form: Mapping[str, Any] | None) -> "FormValues":
        values = cls()
        if form is None:
            return values
        getlist = getattr(form, "getlist", None)
        for key in form:
            items = [str(v) for v in getlist(key)] if getlist else [str(form[key])]
            values[key] = items[0] if len(items) == 1 else items
        return values

    def getlist(self, key: str) -> list[str]:
        value = self.get(key)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("feedback_api.pages", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page(
    template: str,
    *,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    context.setdefault("errors", {})
    context.setdefault("field_ids", {})
    context.setdefault("values", FormValues())
    html = environment().get_template(template).render(**context)
    return HTMLResponse(
        html, status_code=status_code, headers={**SECURITY_HEADERS, **(headers or {})}
    )


def message_page(
    heading: str,
    *paragraphs: str,
    status_code: int,
    link: tuple[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    agency_name: str | None = None,
) -> HTMLResponse:
    return page(
        "message.html",
        status_code=status_code,
        headers=headers,
        heading=heading,
        paragraphs=paragraphs,
        link={"href": link[0], "text": link[1]} if link else None,
        agency_name=agency_name,
    )


@lru_cache(maxsize=len(ASSETS))
def _asset(name: str) -> bytes:
    return resources.files("feedback_api.pages").joinpath("static", name).read_bytes()


def asset(name: str) -> Response | None:
    media_type = ASSETS.get(name)
    if media_type is None:
        return None
    return Response(
        _asset(name),
        media_type=media_type,
        headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"},
    )


def prefers_html(accept: str | None) -> bool:
    """A browser's Accept (text/html first or only) rather than an API client's."""
    if not accept:
        return False
    weights: dict[str, float] = {}
    for part in accept.split(","):
        media, _, params = part.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        weights[media.strip().lower()] = weight
    html = max(weights.get("text/html", 0.0), weights.get("application/xhtml+xml", 0.0))
    return html > 0 and html >= weights.get("application/json", 0.0)
