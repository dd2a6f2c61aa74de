"""`otklik`: the one command line of the platform (keys, migrations, servers, the dev stack)."""

import argparse
import asyncio
import importlib
import json
import sys
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from otklik_kit.services import SERVICES


def _import(target: str) -> Any:
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)


def _kit_settings() -> Any:
    from otklik_kit.settings import KitSettings

    return KitSettings()


async def _with_session(action: Any) -> Any:
    from otklik_kit.db import create_engine, create_sessionmaker

    engine = create_engine(_kit_settings())
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            return await action(session)
    finally:
        await engine.dispose()


def _apikey_create(args: argparse.Namespace) -> int:
    from otklik_kit.auth.keys import check_publishable, issue_key
    from otklik_kit.auth.scopes import parse_scopes

    agency = uuid.UUID(args.agency) if args.agency else None
    origins = args.origin or None
    try:
        scopes = parse_scopes(args.scopes)
        check_publishable(scopes, agency, origins)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    issued = asyncio.run(
        _with_session(
            lambda s: issue_key(s, name=args.name, scopes=scopes, agency_id=agency, origins=origins)
        )
    )
    bound = f", bound to agency {agency}" if agency else ""
    if origins:
        bound += f", usable from {', '.join(origins)}"
    print(f"Created API key {issued.id} '{args.name}' with scopes {args.scopes}{bound}.")
    print("Store it now: it is shown once and kept only as a hash. The key:")
    print(issued.token)
    return 0


def _apikey_rotate(args: argparse.Namespace) -> int:
    from otklik_kit.auth.keys import issue_key, revoke_keys_named
    from otklik_kit.auth.scopes import parse_scopes

    try:
        scopes = parse_scopes(args.scopes)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    async def rotate(session: Any) -> Any:
        revoked = await revoke_keys_named(session, args.name)
        return revoked, await issue_key(session, name=args.name, scopes=scopes, agency_id=None)

    revoked, issued = asyncio.run(_with_session(rotate))
    print(f"Revoked {revoked} earlier key(s) named '{args.name}'; the new key {issued.id}:")
    print(issued.token)
    return 0


def _apikey_list(args: argparse.Namespace) -> int:
    from otklik_kit.auth.keys import list_keys

    del args
    keys = asyncio.run(_with_session(list_keys))
    for key in keys:
        state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "active"
        agency = key.agency_id or "-"
        print(f"{key.id}  {key.name:<24} {','.join(key.scopes):<40} agency={agency}  {state}")
    if not keys:
        print("no API keys yet: otklik apikey create --name NAME --scopes admin")
    return 0


def _apikey_revoke(args: argparse.Namespace) -> int:
    from otklik_kit.auth.keys import revoke_key

    revoked = asyncio.run(_with_session(lambda s: revoke_key(s, uuid.UUID(args.key_id))))
    print("revoked" if revoked else "no active key with that id")
    return 0 if revoked else 1


def _migrate(args: argparse.Namespace) -> int:
    from otklik_kit.migrations import upgrade_all

    del args
    upgrade_all(_kit_settings().database_url)
    print("migrations applied: auth, " + ", ".join(e.migrations.schema for e in SERVICES.values()))
    return 0


def _resync_catalog(args: argparse.Namespace) -> int:
    from otklik_kit.db import create_engine, create_sessionmaker
    from plans_api.catalog.republish import republish_catalog
    from plans_api.config import PlansSettings

    del args

    async def republish() -> str:
        settings = PlansSettings()
        engine = create_engine(settings)
        try:
            async with create_sessionmaker(engine)() as session, session.begin():
                done = await republish_catalog(session)
        finally:
            await engine.dispose()
        return (
            f"republished {done.agencies} agencies, {done.services} services "
            f"and {done.touchpoints} touchpoints"
        )

    print(asyncio.run(republish()) + "; consumers update their copies as the events arrive")
    return 0


def _rebuild_aggregates(args: argparse.Namespace) -> int:
    import httpx

    from otklik_kit.db import create_engine, create_sessionmaker
    from reporting_worker.aggregates.feedback_records import feedback_records
    from reporting_worker.aggregates.rebuild import period_bounds, rebuild_aggregates
    from reporting_worker.config import ReportingSettings

    settings = ReportingSettings()
    key = args.api_key or settings.service_api_key
    if not key:
        print("give --api-key (feedback:read) or set REPORTING_SERVICE_API_KEY", file=sys.stderr)
        return 2
    first_day, last_day = date.fromisoformat(args.first), date.fromisoformat(args.last)
    if last_day < first_day:
        print("--to is before --from", file=sys.stderr)
        return 2

    async def rebuild() -> str:
        engine = create_engine(settings)
        headers = {"Authorization": f"Bearer {key}"}
        base_url = args.feedback_api_url or settings.feedback_api_url
        try:
            async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=60) as client:
                records = feedback_records(client, *period_bounds(first_day, last_day))
                done = await rebuild_aggregates(
                    create_sessionmaker(engine), records, first_day, last_day
                )
        finally:
            await engine.dispose()
        return (
            f"rebuilt {done.first_day}..{done.last_day}: {done.feedback} feedback, "
            f"{done.comments} comments, {done.not_yet_applied} not yet applied by the worker"
        )

    print(asyncio.run(rebuild()))
    return 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from otklik_kit.http_protocol import H2cTolerantProtocol

    entry = SERVICES[args.service]
    settings = _import(entry.settings)()
    app = _import(entry.app_factory)(settings)
    uvicorn.run(
        app,
        host=args.host or settings.host,
        port=args.port or settings.port,
        log_config=None,
        access_log=False,
        # the app reads proxies' headers itself, trusting FORWARDED_ALLOW_IPS only
        proxy_headers=False,
        # httptools, with Java's h2c upgrade offer served as HTTP/1.1 (its bodies kept)
        http=H2cTolerantProtocol,
    )
    return 0


def _worker(args: argparse.Namespace) -> int:
    from otklik_kit.events.worker import build_worker, run_until_signalled
    from otklik_kit.observability.logging import configure_logging
    from otklik_kit.runtime import settle_heap

    entry = SERVICES[args.service]
    assert entry.worker is not None
    spec, settings = _import(entry.worker), _import(entry.settings)()
    if args.burst:
        build_worker(spec, settings, burst=True).run()
    else:
        configure_logging(spec.service, settings.log_level)
        settle_heap(settings.gc_young_threshold)
        # a worker that outlives Redis outages, instead of exiting at the first lost connection
        asyncio.run(run_until_signalled(lambda: build_worker(spec, settings, handle_signals=False)))
    return 0


def _run(args: argparse.Namespace) -> int:
    from otklik_kit.devstack.runner import run_stack

    return run_stack(data_dir=Path(args.data_dir).resolve())


def _demo(args: argparse.Namespace) -> int:
    from otklik_kit.demo.command import run_command

    return run_command(args)


def _openapi(args: argparse.Namespace) -> int:
    out = Path(args.root)
    for entry in SERVICES.values():
        settings = _import(entry.settings)()
        app = _import(entry.app_factory)(settings)
        path = out / "services" / entry.name / "openapi.json"
        path.write_text(json.dumps(app.openapi(), ensure_ascii=False, indent=2) + "\n")
        print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="otklik", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    apikey = commands.add_parser("apikey", help="create, list and revoke API keys")
    key_commands = apikey.add_subparsers(dest="apikey_command", required=True)
    create = key_commands.add_parser("create", help="issue a key; prints it as the last line")
    create.add_argument("--name", required=True)
    create.add_argument("--scopes", required=True, help="comma-separated, e.g. plans:read,admin")
    create.add_argument("--agency", help="bind the key to one agency (its UUID)")
    create.add_argument(
        "--origin",
        action="append",
        help="a publishable key's allowed web origin (repeat for several); with "
        "--scopes feedback:publish and --agency",
    )
    create.set_defaults(handler=_apikey_create)
    rotate = key_commands.add_parser(
        "rotate", help="revoke the keys of a name and issue a new one (a service's own key)"
    )
    rotate.add_argument("--name", required=True)
    rotate.add_argument("--scopes", required=True)
    rotate.set_defaults(handler=_apikey_rotate)
    key_commands.add_parser("list", help="list keys").set_defaults(handler=_apikey_list)
    revoke = key_commands.add_parser("revoke", help="revoke a key by id")
    revoke.add_argument("key_id")
    revoke.set_defaults(handler=_apikey_revoke)

    commands.add_parser("migrate", help="apply every schema's migrations").set_defaults(
        handler=_migrate
    )
    serve = commands.add_parser("serve", help="serve one API")
    serve.add_argument("service", choices=sorted(SERVICES))
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.set_defaults(handler=_serve)

    worker = commands.add_parser("worker", help="run a service's arq worker (events, jobs, cron)")
    worker.add_argument(
        "service",
        nargs="?",
        default="reporting-worker",
        choices=sorted(name for name, entry in SERVICES.items() if entry.worker),
    )
    worker.add_argument("--burst", action="store_true", help="drain the queue and exit")
    worker.set_defaults(handler=_worker)

    commands.add_parser(
        "resync-catalog",
        help="publish every agency, service and touchpoint of plans-api again (full resync of "
        "the copies kept by feedback-api and the reporting worker)",
    ).set_defaults(handler=_resync_catalog)

    rebuild = commands.add_parser(
        "rebuild-aggregates",
        help="recompute the reporting aggregates of Moscow days FROM..TO from feedback-api's "
        "records (its export contract)",
    )
    rebuild.add_argument("--from", dest="first", required=True, metavar="YYYY-MM-DD")
    rebuild.add_argument("--to", dest="last", required=True, metavar="YYYY-MM-DD")
    rebuild.add_argument("--api-key", help="a key with feedback:read (default: the worker's)")
    rebuild.add_argument("--feedback-api-url", help="default: FEEDBACK_API_URL")
    rebuild.set_defaults(handler=_rebuild_aggregates)

    run = commands.add_parser("run", help="the whole system locally (embedded DB and Redis)")
    run.add_argument("--data-dir", default=".otklik")
    run.set_defaults(handler=_run)

    from otklik_kit.demo.command import add_arguments as add_demo_arguments

    demo = commands.add_parser(
        "demo",
        help="fill a running system with a demo region through its public APIs: agencies, "
        "services, touchpoints, checklists and plans, surveys, months of feedback, reports",
    )
    add_demo_arguments(demo)
    demo.set_defaults(handler=_demo)

    openapi = commands.add_parser("openapi", help="write services/<name>/openapi.json")
    openapi.add_argument("--root", default=".")
    openapi.set_defaults(handler=_openapi)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.handler(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
