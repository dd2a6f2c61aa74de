"""The query string holds only what the route declares: an unknown parameter is a 422 naming it.

A misspelt or unsupported filter silently ignored answers another question than the one asked
(`GET /api/v1/feedback?case_numbr=…` returned everything). Pages for people tolerate extra
parameters, since links on posters and in mail carry tags such as `utm_source`: the routes left
out of the OpenAPI spec (the citizens' pages), those that answer HTML (the dashboard page), and
assets a page embeds, marked with `TOLERATES_EXTRA_QUERY` (a portal adds `?v=…` to its widget
script's address to refresh its cache). See docs/SECURITY.md."""

from collections.abc import Iterator

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute

UNKNOWN_TYPE = "unknown_parameter"
# openapi_extra of a route whose extra query parameters are ignored, as they are a page's
TOLERATES_EXTRA_QUERY = {"x-otklik-extra-query": "ignored"}


def _query_names(dependant: Dependant) -> Iterator[str]:
    for param in dependant.query_params:
        yield param.alias
    for sub in dependant.dependencies:
        yield from _query_names(sub)


def tolerates_unknown_query(route: APIRoute) -> bool:
    """A page for people: hidden from the spec, answering HTML, or an asset marked so."""
    response_class = getattr(route.response_class, "value", route.response_class)
    marked = (route.openapi_extra or {}).get("x-otklik-extra-query") == "ignored"
    return (
        marked
        or not route.include_in_schema
        or (isinstance(response_class, type) and issubclass(response_class, HTMLResponse))
    )


# kept on the route: the names it reads, or None when it takes any
DECLARED_ATTRIBUTE = "_otklik_declared_query"


def declared_query(route: APIRoute) -> frozenset[str] | None:
    try:
        declared: frozenset[str] | None = getattr(route, DECLARED_ATTRIBUTE)
    except AttributeError:
        declared = (
            None if tolerates_unknown_query(route) else frozenset(_query_names(route.dependant))
        )
        setattr(route, DECLARED_ATTRIBUTE, declared)
    return declared


async def refuse_unknown_query(request: Request) -> None:
    """422 naming every query parameter the route does not declare."""
    if not request.scope.get("query_string"):
        return
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    declared = declared_query(route)
    if declared is None:
        return
    unknown = sorted({name for name in request.query_params if name not in declared})
    if unknown:
        raise RequestValidationError(
            [
                {
                    "loc": ("query", name),
                    "msg": "Unknown query parameter: the operation does not take it",
                    "type": UNKNOWN_TYPE,
                }
                for name in unknown
            ]
        )
