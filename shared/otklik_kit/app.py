"""The app factory every service builds on: middleware, errors, auth, DB, Redis, outbox relay."""

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from fastapi import APIRouter, Depends, FastAPI, Response
from fastapi.datastructures import DefaultPlaceholder
from fastapi.routing import APIRoute
from fastapi.utils import is_body_allowed_for_status_code
from sqlalchemy import Table
from starlette.types import ASGIApp
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from otklik_kit.auth.keys import KeyVerifier
from otklik_kit.auth.oidc import OidcVerifier
from otklik_kit.auth.throttle import KeyThrottle
from otklik_kit.db import create_engine, create_sessionmaker
from otklik_kit.door import BodyLimit
from otklik_kit.events.relay import OutboxRelay
from otklik_kit.events.transport import lazy_arq_redis
from otklik_kit.events.worker import WorkerSpec, build_worker, run_restarting
from otklik_kit.health import router as health_router
from otklik_kit.layers import check_front_doors
from otklik_kit.migrations import head_revision
from otklik_kit.observability.logging import configure_logging
from otklik_kit.observability.middleware import BodySizeLimitMiddleware, ObservabilityMiddleware
from otklik_kit.openapi import problem_openapi
from otklik_kit.problems import install_problem_handlers
from otklik_kit.query import refuse_unknown_query
from otklik_kit.routing import API_PREFIX
from otklik_kit.runtime import settle_heap
from otklik_kit.services import AUTH_MIGRATIONS, SERVICES
from otklik_kit.settings import KitSettings
from otklik_kit.text_guard import UnstorableTextMiddleware

StartupHook = Callable[[FastAPI], Awaitable[None]]


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    title: str
    description: str
    version: str
    routers: Sequence[APIRouter]
    tags: list[dict[str, Any]] = field(default_factory=list)
    outbox: Table | None = None
    on_startup: Sequence[StartupHook] = ()
    on_shutdown: Sequence[StartupHook] = ()
    # the service's own event consumer, run inside the API process when enabled
    worker: WorkerSpec | None = None
    # routes that take bigger bodies than MAX_BODY_BYTES (bulk endpoints), up to MAX_UPLOAD_BYTES
    bulk_paths: frozenset[str] = frozenset()
    # pure ASGI apps in front of FastAPI's whole stack, inside only the request id, metrics and
    # access log (e.g. a hot route's fast path): each declares the stack's layers it applies
    # itself, and an app with a layer one does not apply is refused (otklik_kit.layers)
    front: Sequence[Callable[[ASGIApp], ASGIApp]] = ()


def _lifespan(spec: ServiceSpec, settings: KitSettings) -> Any:
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(spec.name, settings.log_level)
        engine = create_engine(settings)
        app.state.settings = settings
        app.state.engine = engine
        app.state.sessionmaker = create_sessionmaker(engine)
        app.state.redis = lazy_arq_redis(settings.redis_url)
        app.state.key_verifier = KeyVerifier(
            app.state.sessionmaker, cache_seconds=settings.api_key_cache_seconds
        )
        app.state.throttle = (
            KeyThrottle(
                rate_per_second=settings.rate_limit_per_second, burst=settings.rate_limit_burst
            )
            if settings.rate_limit_per_second > 0
            else None
        )
        app.state.oidc_verifier = (
            OidcVerifier(
                issuer=settings.oidc_issuer, jwks_url=settings.oidc_jwks_url, settings=settings
            )
            if settings.oidc_issuer and settings.oidc_jwks_url
            else None
        )
        tasks: list[asyncio.Task[None]] = []
        if spec.outbox is not None:
            relay = OutboxRelay(
                service=spec.name,
                sessionmaker=app.state.sessionmaker,
                outbox=spec.outbox,
                redis=app.state.redis,
                poll_seconds=settings.outbox_poll_seconds,
                sweep_seconds=settings.outbox_sweep_seconds,
                stale_seconds=settings.outbox_stale_seconds,
                test_hook_pause_after_enqueue=settings.test_hook_relay_pause_after_enqueue,
            )
            app.state.outbox_relay = relay
            if settings.outbox_relay_enabled:
                tasks += [
                    asyncio.create_task(relay.run_relay(), name="outbox-relay"),
                    asyncio.create_task(relay.run_sweeper(), name="outbox-sweeper"),
                ]
        worker_spec = spec.worker
        if worker_spec is not None and settings.embedded_worker_enabled:
            tasks.append(
                asyncio.create_task(
                    run_restarting(
                        lambda: build_worker(
                            worker_spec, settings, handle_signals=False, configure_logs=False
                        )
                    ),
                    name="embedded-worker",
                )
            )
        for hook in spec.on_startup:
            await hook(app)
        settle_heap(settings.gc_young_threshold)
        try:
            yield
        finally:
            gc.unfreeze()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for hook in spec.on_shutdown:
                await hook(app)
            await app.state.redis.aclose(close_connection_pool=True)
            await engine.dispose()

    return lifespan


class ServiceApp(FastAPI):
    """FastAPI behind the kit's front: the client's address from trusted proxies' headers,
    request ids, metrics and the access log around everything (a server error's 500
    included), then the service's own front apps."""

    service_name: str = ""
    front: list[Callable[[ASGIApp], ASGIApp]]
    forwarded_allow_ips: str = ""

    def add_middleware(self, middleware_class: Any, *args: Any, **kwargs: Any) -> None:
        super().add_middleware(middleware_class, *args, **kwargs)
        self.check_layers()

    def check_layers(self) -> None:
        """Refuses a layer of the stack that a front app would skip (otklik_kit.layers)."""
        # `front` is set by create_service_app after FastAPI's own set-up
        check_front_doors(getattr(self, "front", ()), self.user_middleware, self.routes)

    def build_middleware_stack(self) -> ASGIApp:
        self.check_layers()
        app = super().build_middleware_stack()
        for wrap in reversed(self.front):
            app = wrap(app)
        app = ObservabilityMiddleware(app, service=self.service_name)
        # left out when no proxy is trusted: nothing to do per request then
        if self.forwarded_allow_ips.strip():
            proxied: Any = ProxyHeadersMiddleware(
                cast(Any, app), trusted_hosts=self.forwarded_allow_ips
            )
            app = proxied
        return app


def _without_body_type(router: APIRouter) -> None:
    """A route that answers with no content (204) sends no Content-Type either: FastAPI's
    default JSONResponse would label the empty body application/json."""
    for route in router.routes:
        if (
            isinstance(route, APIRoute)
            and route.status_code is not None
            and not is_body_allowed_for_status_code(route.status_code)
            and isinstance(route.response_class, DefaultPlaceholder)
        ):
            route.response_class = Response


def create_service_app(spec: ServiceSpec, settings: KitSettings) -> FastAPI:
    app = ServiceApp(
        title=spec.title,
        description=spec.description,
        version=spec.version,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url="/docs",
        redoc_url=None,
        openapi_tags=spec.tags,
        lifespan=_lifespan(spec, settings),
        # observability is our own (request ids, JSON logs, Prometheus); FastAPI's OpenTelemetry
        # bridge would otherwise look up three provider variables in the environment per request
        telemetry={"tracing": False, "metrics": False, "logs": False},
        # every operation refuses query parameters it does not declare (otklik_kit.query)
        dependencies=[Depends(refuse_unknown_query)],
    )
    tree = SERVICES[spec.name].migrations
    app.state.expected_revisions = {
        AUTH_MIGRATIONS.schema: head_revision(AUTH_MIGRATIONS),
        tree.schema: head_revision(tree),
    }
    install_problem_handlers(app)
    app.include_router(health_router)
    for router in spec.routers:
        _without_body_type(router)
        app.include_router(router)
    app.service_name = spec.name
    app.front = list(spec.front)
    app.forwarded_allow_ips = settings.forwarded_allow_ips
    # inside the size limit: it reads whole bodies, only ones the limit let through
    app.add_middleware(UnstorableTextMiddleware)
    app.state.body_limit = BodyLimit(
        max_json_bytes=settings.max_body_bytes,
        max_upload_bytes=settings.max_upload_bytes,
        bulk_paths=spec.bulk_paths,
    )
    app.add_middleware(BodySizeLimitMiddleware, limit=app.state.body_limit)
    # the spec names the port the settings default to, whatever this process was given
    port_field = type(settings).model_fields.get("port")
    problem_openapi(app, spec.name, port_field.default if port_field else None)
    app.check_layers()
    return app
