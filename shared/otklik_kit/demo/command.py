"""The `otklik demo` command: where the APIs are, the key to call them with, the run, the
summary."""

import argparse
import asyncio
import sys
from contextlib import AsyncExitStack
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from otklik_kit.demo.load.api import Apis, DemoError
from otklik_kit.demo.progress import Progress
from otklik_kit.demo.runner import FULL_SIZE, DemoOptions, run_demo
from otklik_kit.demo.summary import summary

TIMEOUT = httpx.Timeout(120.0, connect=10.0)


class DemoTargets(BaseSettings):
    """Where the three APIs answer (the addresses of `otklik run` by default)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    plans_api_url: str = Field(default="http://127.0.0.1:8001", validation_alias="PLANS_API_URL")
    feedback_api_url: str = Field(
        default="http://127.0.0.1:8002", validation_alias="FEEDBACK_API_URL"
    )
    reporting_api_url: str = Field(
        default="http://127.0.0.1:8003", validation_alias="REPORTING_API_URL"
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    targets = DemoTargets()
    parser.add_argument("--plans-url", default=targets.plans_api_url)
    parser.add_argument("--feedback-url", default=targets.feedback_api_url)
    parser.add_argument("--reporting-url", default=targets.reporting_api_url)
    parser.add_argument(
        "--api-key", help="an admin key (default: one is issued in the database, named «demo»)"
    )
    parser.add_argument("--feedback", type=int, default=FULL_SIZE, help="how many feedback")
    parser.add_argument("--months", type=int, default=6, help="of feedback history (1–11)")
    parser.add_argument("--seed", type=int, default=DemoOptions.seed)
    parser.add_argument("--agencies", type=int, help="only the first N agencies of the region")
    parser.add_argument("--no-reports", action="store_true", help="do not build the reports")
    parser.add_argument(
        "--reports-dir",
        type=Path,
        default=Path(".otklik/demo-reports"),
        help="where to save the reports' HTML pages (default: %(default)s)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bars")


async def issue_demo_key() -> str:
    """An admin key straight in the database, as `otklik apikey create` does."""
    from otklik_kit.auth.keys import issue_key
    from otklik_kit.auth.scopes import Scope
    from otklik_kit.db import create_engine, create_sessionmaker
    from otklik_kit.settings import KitSettings

    engine = create_engine(KitSettings())
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            issued = await issue_key(
                session, name="demo", scopes=frozenset({Scope.ADMIN}), agency_id=None
            )
    finally:
        await engine.dispose()
    return issued.token


def _client(url: str, key: str) -> httpx.AsyncClient:
    local = urlsplit(url).hostname in ("127.0.0.1", "localhost", "::1")
    return httpx.AsyncClient(
        base_url=url,
        headers={"Authorization": f"Bearer {key}"},
        timeout=TIMEOUT,
        trust_env=not local,  # a proxy from the environment is not for this machine
    )


async def _run(args: argparse.Namespace) -> int:
    key = args.api_key or await issue_demo_key()
    if not args.api_key:
        print(f"Issued an admin API key «demo» for this run (kept only as a hash):\n{key}\n")
    options = DemoOptions(
        feedback=args.feedback,
        months=args.months,
        seed=args.seed,
        agencies=args.agencies,
        reports=not args.no_reports,
        reports_dir=args.reports_dir,
    )
    progress = Progress(enabled=not args.quiet)
    async with AsyncExitStack() as stack:
        apis = Apis(
            plans=await stack.enter_async_context(_client(args.plans_url, key)),
            feedback=await stack.enter_async_context(_client(args.feedback_url, key)),
            reporting=await stack.enter_async_context(_client(args.reporting_url, key)),
        )
        result = await run_demo(apis, options, progress)
    hint = f"{key[:16]}…"
    print(summary(result, progress.timings, hint))
    return 0


def run_command(args: argparse.Namespace) -> int:
    try:
        return asyncio.run(_run(args))
    except DemoError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            "\ninterrupted: run it again to go on — what exists is found and reused (the "
            "feedback is loaded once: a region that has some gets no more)",
            file=sys.stderr,
        )
        return 130
