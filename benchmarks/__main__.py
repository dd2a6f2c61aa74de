"""python -m benchmarks [--seconds N] [--rounds N] [--only ingest,reports,classifier]"""

import argparse
import asyncio
import shlex
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import classifier, ingest, machine, reports, wrk
from benchmarks.processes import PeakMemory
from benchmarks.results import Row, markdown, plain
from benchmarks.stack import REPO_ROOT, Stack, make_catalog, recreate_database, server_url

INGEST_DATABASE = "otklik_bench"
OUTPUT = REPO_ROOT / "docs" / "BENCHMARKS.md"
PARTS = ("ingest", "reports", "classifier")


def _start_services(stack: Stack, *, worker: bool) -> None:
    stack.start_redis()
    stack.start_api("plans-api", "plans_api.app:create_app")
    stack.start_api("feedback-api", "feedback_api.app:create_app")
    stack.start_api("reporting-worker API", "reporting_worker.app:create_app")
    if worker:
        stack.start_worker()


def run_ingest(args: argparse.Namespace, workdir: Path) -> list[Row]:
    """Two stacks on fresh databases: the HTTP figures without the reporting worker (its
    classifications flowing back would load feedback-api meanwhile), then the lag with it."""
    server = server_url()
    rows: list[Row] = []
    peaks: dict[str, int] = {}
    during: dict[str, str] = {}
    print(f"ingest: a fresh database {INGEST_DATABASE}, migrated", flush=True)
    memory = PeakMemory()
    stack = Stack(workdir, asyncio.run(recreate_database(server, INGEST_DATABASE)), memory)
    try:
        with memory.running():
            _start_services(stack, worker=False)
            catalog = asyncio.run(make_catalog(stack, with_worker=False))
            print(
                f"ingest: single posts vs bare FastAPI ({args.rounds} × {args.seconds:.0f} s each)",
                flush=True,
            )
            figures = ingest.measure_single(
                stack, catalog, seconds=args.seconds, rounds=args.rounds
            )
            rows += ingest.single_rows(figures)
            print("ingest: the batch endpoint vs COPY", flush=True)
            rows += ingest.measure_batch(stack, catalog, seconds=args.seconds)
    finally:
        stack.stop_all()
    peaks.update(memory.peaks)
    for name in peaks:
        during[name] = "under the single-post and batch loads"
    during["reference"] = "bare FastAPI under its own load"

    print(f"ingest: lag under load ({args.seconds:.0f} s), on a fresh database", flush=True)
    memory = PeakMemory()
    stack = Stack(workdir, asyncio.run(recreate_database(server, INGEST_DATABASE)), memory)
    try:
        with memory.running():
            _start_services(stack, worker=True)
            catalog = asyncio.run(make_catalog(stack, with_worker=True))
            lag_rows, _ = ingest.measure_lag(stack, catalog, seconds=args.seconds)
            rows[4:4] = lag_rows
    finally:
        stack.stop_all()
    for name, peak in memory.peaks.items():
        if peak > peaks.get(name, 0):
            peaks[name] = peak
            during[name] = "under the single-post load with the reporting worker on"
    during["reporting worker"] = "aggregating and classifying under the single-post load"
    rows += ingest.memory_rows(peaks, during)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
    parser.add_argument("--seconds", type=float, default=10, help="length of each HTTP load")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved runs per HTTP figure")
    parser.add_argument("--only", default=",".join(PARTS), help=f"any of {', '.join(PARTS)}")
    parser.add_argument("--rows", type=int, default=10_000_000, help="feedback rows for reports")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    parts = {part.strip() for part in args.only.split(",") if part.strip()}
    if unknown := parts - set(PARTS):
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    started = time.monotonic()
    described = machine.describe()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if "ingest" in parts:
        wrk.ensure_wrk()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="otklik-bench-") as tmp:
        workdir = Path(tmp)
        if "ingest" in parts:
            rows += run_ingest(args, workdir)
        if "reports" in parts:
            rows += reports.run(server_url(), rows=args.rows, workdir=workdir)
        if "classifier" in parts:
            rows += classifier.run()
    elapsed = time.monotonic() - started
    command = "make bench" + (f" BENCH_ARGS={shlex.quote(' '.join(argv))}" if argv else "")
    print()
    print(plain(rows))
    print(f"\n{described}\n{when}, {elapsed / 60:.1f} min")
    args.output.write_text(
        "# Benchmarks\n\n"
        "Measured by `make bench` (`benchmarks/`): real uvicorn processes on 127.0.0.1, "
        "references measured in the same run on the same machine. See the notes below the "
        "table for what each figure means and what limits a target not met.\n\n"
        f"- command: `{command}`\n- date: {when} (took {elapsed / 60:.1f} min)\n"
        f"- machine: {described}\n\n"
        + markdown(rows)
        + "\n\n"
        + (REPO_ROOT / "benchmarks" / "NOTES.md").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    print(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
