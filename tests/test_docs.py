"""The documentation runs: every bash block of the pages in `DOCS` is run, in order, in one
shell, against a live stack — plans-api, feedback-api and the reporting API as real processes
on free 127.0.0.1 ports, the reporting worker beside them, on the test database and Redis —
and each command must succeed.

The format, for any page under docs/ (add it to `DOCS` to have it run):
- Each fenced block opened with ```` ```bash ```` is run; other languages (json, python, text)
  are shown only. A block right after a line `<!-- doc-test: skip -->` is not run (commands
  that start servers, need other machines, or that only illustrate).
- The blocks of one page run in one shell, top to bottom, so a page defines the variables its
  later blocks use (`KEY=$(.venv/bin/otklik apikey create ...)`, `AGENCY=$(curl ... | jq -r
  .id)`): nothing is defined for it. It runs with `set -euo pipefail`, so an undefined
  variable or a failing command fails the test, naming the block and its first line.
- `curl` fails on an HTTP error (the test runs it with `--fail-with-body`): a documented
  request must answer 2xx. Show an expected error in a comment, not as a command.
- Write the addresses of `make run` (`http://127.0.0.1:8001` plans-api, `:8002` feedback-api,
  `:8003` reporting API); the test points them at its servers. The shell runs in a temporary
  folder with `.venv` linked, so `.venv/bin/otklik` works and downloaded files land there.
- Something that arrives by an event takes a moment: retry it until it holds (see `eventually`
  in docs/TOUR.md) rather than sleeping.
"""

import asyncio
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker
from tests.headless import require_tool
from tests.processes import Processes

REPO = Path(__file__).resolve().parents[1]
DOCS = [
    "README.md",
    "docs/TOUR.md",
    "docs/FEEDBACK.md",
    "docs/CITIZEN-PAGES.md",
    "docs/REPORTS.md",
    "docs/DASHBOARD-AND-PLANS.md",
    "docs/PLANS.md",
    "docs/OUTREACH.md",
]
SKIP = "<!-- doc-test: skip -->"
FENCE = re.compile(r"^```(\S*)\s*$")
DEFAULT_URLS = {
    "plans-api": "http://127.0.0.1:8001",
    "feedback-api": "http://127.0.0.1:8002",
    "reporting-worker": "http://127.0.0.1:8003",
}
PRELUDE = """set -euo pipefail
curl() { command curl --fail-with-body --show-error "$@"; }
"""
RUN_SECONDS = 600


@dataclass(frozen=True)
class Block:
    doc: str
    line: int
    code: str


def bash_blocks(doc: str) -> list[Block]:
    """The runnable blocks of a page, with the line each starts on."""
    blocks: list[Block] = []
    lines = (REPO / doc).read_text().splitlines()
    index = 0
    while index < len(lines):
        opened = FENCE.match(lines[index])
        if opened is None:
            index += 1
            continue
        start = index
        index += 1
        body: list[str] = []
        while not lines[index].startswith("```"):
            body.append(lines[index])
            index += 1
        index += 1
        skipped = start > 0 and lines[start - 1].strip() == SKIP
        if opened.group(1) == "bash" and not skipped:
            blocks.append(Block(doc, start + 1, "\n".join(body)))
    return blocks


def script(blocks: list[Block], urls: dict[str, str]) -> str:
    parts = [PRELUDE]
    for number, block in enumerate(blocks, 1):
        code = block.code
        for service, default in DEFAULT_URLS.items():
            code = code.replace(default, urls[service])
        marker = f"{block.doc}:{block.line} (block {number})"
        parts.append(f"echo '>>> {marker}' >&2\n{code}\n")
    parts.append("echo '>>> all blocks ran' >&2\n")
    return "\n".join(parts)


def child_env(settings_overrides: dict[str, Any], **extra: str) -> dict[str, str]:
    chosen = {key: str(value) for key, value in settings_overrides.items()}
    return {
        **chosen,
        "OUTBOX_RELAY_ENABLED": "true",
        "EMBEDDED_WORKER_ENABLED": "true",
        "OUTBOX_POLL_SECONDS": "0.05",
        "WORKER_POLL_SECONDS": "0.05",
        **extra,
    }


def test_every_documented_page_has_blocks_to_run() -> None:
    for doc in DOCS:
        assert bash_blocks(doc), f"{doc} has no bash block"


@pytest.mark.slow
@pytest.mark.parametrize("doc", DOCS)
async def test_the_documented_commands_run_against_a_live_stack(
    doc: str, tmp_path: Path, settings_overrides: dict[str, Any], make_key: KeyMaker
) -> None:
    for tool in ("curl", "jq"):
        require_tool(tool)
    worker_key = await make_key(Scope.PLANS_READ, Scope.FEEDBACK_READ)
    processes = Processes(tmp_path, child_env(settings_overrides))
    try:
        plans = processes.otklik("plans-api")
        feedback = processes.otklik("feedback-api")
        upstream = {
            "PLANS_API_URL": plans.url,
            "FEEDBACK_API_URL": feedback.url,
            "REPORTING_SERVICE_API_KEY": worker_key,
        }
        reporting = processes.otklik("reporting-worker", env=upstream)
        processes.otklik("reporting-worker", serve=False, env=upstream)
        for server in (plans, feedback, reporting):
            await server.wait_ready()
        urls = {"plans-api": plans.url, "feedback-api": feedback.url}
        urls["reporting-worker"] = reporting.url
        shell = tmp_path / "shell"
        shell.mkdir()
        (shell / ".venv").symlink_to(REPO / ".venv")
        (shell / "doc.sh").write_text(script(bash_blocks(doc), urls))
        child = await asyncio.create_subprocess_exec(
            "bash",
            "doc.sh",
            cwd=shell,
            env={**processes.env, **upstream, "PATH": os.environ.get("PATH", "/usr/bin:/bin")},
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(child.communicate(), RUN_SECONDS)
    finally:
        processes.close()
    stdout, stderr = out.decode(errors="replace"), err.decode(errors="replace")
    ran = [line for line in stderr.splitlines() if line.startswith(">>> ")]

    assert child.returncode == 0, (
        f"failed in {ran[-1] if ran else 'the prelude'}:\n"
        f"{stderr[-4000:]}\n--- stdout ---\n{stdout[-2000:]}"
    )
    assert ran[-1] == ">>> all blocks ran"
