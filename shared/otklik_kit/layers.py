"""The registry of layers both doors apply, checked when the app is built.

A front app (`ServiceSpec.front`, e.g. feedback-api's fast path) serves its route before
FastAPI's stack, so every middleware of that stack and every dependency of that route is one it
must apply itself, and every parameter of that route one it must read. It declares them
(`FrontDoor`); an app whose stack holds a middleware, or whose served route holds a dependency
or a parameter, that its front app does not declare refuses to be built
(`LayerNotApplied`) — on `add_middleware`, at `create_service_app` and when the stack is built at
start-up — instead of the layer being silently skipped on the hottest route.

To add a layer to such an app: apply it on the fast path too, then list it in the front app's
`applies_middleware` (or `applies_dependencies`, `applies_parameters`). A front app that serves no
route of its own but stands ahead of both doors (e.g. feedback-api's CORS for widgets) says so with
`wraps_both_doors = True`: whatever it does, both doors get."""

from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, Protocol

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.middleware import Middleware
from starlette.routing import BaseRoute


class LayerNotApplied(RuntimeError):
    """The FastAPI stack holds a layer a front app does not apply."""


class FrontDoor(Protocol):
    """A front app's class: the route it serves and the layers it applies on it."""

    serves: ClassVar[tuple[str, str]]  # (method, path)
    applies_middleware: ClassVar[frozenset[Any]]
    applies_dependencies: ClassVar[frozenset[Any]]
    # the route's parameters it reads and validates itself, as "<kind>:<alias>"
    applies_parameters: ClassVar[frozenset[str]]


def _calls(dependant: Dependant) -> Iterator[Any]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _calls(sub)


PARAMETER_KINDS = ("path", "query", "header", "cookie", "body")


def _parameters(dependant: Dependant) -> Iterator[str]:
    for kind in PARAMETER_KINDS:
        for param in getattr(dependant, f"{kind}_params"):
            yield f"{kind}:{param.alias}"
    for sub in dependant.dependencies:
        yield from _parameters(sub)


def _dependant(routes: Iterable[BaseRoute], method: str, path: str) -> Dependant | None:
    """The route's dependant as the app runs it: with the app's and routers' dependencies."""
    for context in iter_route_contexts(list(routes)):
        route = context.original_route
        if isinstance(route, APIRoute) and route.path == path and method in (route.methods or ()):
            dependant: Dependant = getattr(context, "dependant", route.dependant)
            return dependant
    return None


def _name(layer: Any) -> str:
    if isinstance(layer, str):
        return f"the parameter {layer}"
    return getattr(layer, "__qualname__", None) or repr(layer)


def check_front_doors(
    front: Iterable[Callable[..., Any]],
    middleware: Iterable[Middleware],
    routes: Iterable[BaseRoute],
) -> None:
    """Raises LayerNotApplied naming each layer a front app would skip."""
    routes = list(routes)
    middleware = list(middleware)
    for door in front:
        if getattr(door, "wraps_both_doors", False):
            continue
        declared: FrontDoor = door  # type: ignore[assignment]
        if not hasattr(declared, "applies_middleware"):
            raise LayerNotApplied(f"{_name(door)} declares no layers (see otklik_kit.layers)")
        skipped: list[Any] = [m.cls for m in middleware if m.cls not in declared.applies_middleware]
        method, path = declared.serves
        dependant = _dependant(routes, method, path)
        if dependant is not None:
            applied = declared.applies_dependencies
            skipped += [call for call in _calls(dependant) if call not in applied]
            read: frozenset[str] = getattr(declared, "applies_parameters", frozenset())
            skipped += [name for name in _parameters(dependant) if name not in read]
        if skipped:
            names = ", ".join(sorted({_name(layer) for layer in skipped}))
            raise LayerNotApplied(
                f"{_name(door)} serves {method} {path} in front of the FastAPI stack and does not "
                f"apply {names}: apply it there too and list it in its applies_middleware / "
                "applies_dependencies / applies_parameters (otklik_kit.layers)"
            )
