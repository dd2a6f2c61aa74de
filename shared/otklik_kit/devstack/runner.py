"""`otklik run`: the whole stack on one machine — migrations, the three APIs and the worker.

Each child runs in its own process group, so a Ctrl-C (even one sent to the whole group) reaches
only this supervisor, which then stops the children in order and the embedded servers it started.
"""

import logging
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from otklik_kit.devstack import infra

logger = logging.getLogger("otklik.devstack")

READY_TIMEOUT = 120.0
STOP_GRACE = 10.0
CLI = (sys.executable, "-m", "otklik_kit.cli")


@dataclass(frozen=True)
class Program:
    name: str
    args: tuple[str, ...]
    port: int | None = None  # its HTTP port; the program is up when /readyz answers 200


PROGRAMS = (
    Program("plans-api", ("serve", "plans-api"), 8001),
    Program("feedback-api", ("serve", "feedback-api"), 8002),
    Program("reporting-api", ("serve", "reporting-worker"), 8003),
    Program("reporting-jobs", ("worker",)),
)
MIGRATE = Program("migrate", ("migrate",))
# the reporting worker reads plans-api and feedback-api with its own read-only key
SERVICE_KEY_NAME = "reporting-worker"
SERVICE_KEY_SCOPES = "plans:read,feedback:read"
API_PORTS = tuple(p.port for p in PROGRAMS if p.port is not None)
_WIDTH = max(len(p.name) for p in PROGRAMS)
_output_lock = threading.Lock()
# readiness probes go straight to localhost, whatever http_proxy says
_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class StackFailed(Exception):
    """The stack cannot go on; the message says why."""


def _write(text: bytes) -> None:
    with _output_lock:
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.flush()


@dataclass
class Child:
    """A child in its own process group; its output relayed line by line behind its name."""

    program: Program
    process: "subprocess.Popen[bytes]"
    relay: threading.Thread = field(init=False)

    def __post_init__(self) -> None:
        self.relay = threading.Thread(target=self._relay, name=self.program.name, daemon=True)
        self.relay.start()

    def _relay(self) -> None:
        prefix = f"{self.program.name:<{_WIDTH}} | ".encode()
        assert self.process.stdout is not None
        with self.process.stdout:
            for line in self.process.stdout:
                _write(prefix + line if line.endswith(b"\n") else prefix + line + b"\n")

    def signal_group(self, signum: int) -> None:
        with suppress(ProcessLookupError):  # already gone
            os.killpg(self.process.pid, signum)


def _spawn(program: Program, env: dict[str, str], host: str) -> Child:
    args = program.args
    if program.port is not None:
        args = (*args, "--host", host, "--port", str(program.port))
    logger.info("starting %s: otklik %s", program.name, " ".join(args))
    process = subprocess.Popen(
        [*CLI, *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        process_group=0,
    )
    return Child(program, process)


def _ready(host: str, port: int) -> bool:
    try:
        with _direct.open(f"http://{host}:{port}/readyz", timeout=2) as response:
            return bool(response.status == 200)
    except urllib.error.HTTPError as exc:
        exc.close()
        return False
    except OSError:
        return False


def _hide_password(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if not parts.password:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


@contextmanager
def _signals_set(stop: threading.Event) -> Iterator[None]:
    def handle(signum: int, _frame: FrameType | None) -> None:
        del signum
        stop.set()

    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    previous = {sig: signal.signal(sig, handle) for sig in signals}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


class Stack:
    """One run of the stack: its servers, its children and the event that stops them."""

    def __init__(self, *, data_dir: Path, host: str) -> None:
        self.data_dir = data_dir
        self.host = host
        self.probe_host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
        self.children: list[Child] = []
        self.stop = threading.Event()
        # embedded servers of data_dir live as long as the stack, even ones a crashed run left
        self.embedded_postgres = False
        self.embedded_redis = False

    def run(self) -> None:
        database_url, redis_url = self._database_url(), self._redis_url()
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "HOST": self.host,
            "PYTHONUNBUFFERED": "1",
            # as uvicorn by default: a proxy on this machine (and `otklik demo`) may say whose
            # request it forwards, so per-address limits count citizens, not the proxy
            "FORWARDED_ALLOW_IPS": os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        }
        if not self.stop.is_set():
            self._migrate(env)
        if not self.stop.is_set():
            env.update(self._service_settings(env))
        if not self.stop.is_set():
            self.children = [_spawn(program, env, self.host) for program in PROGRAMS]
            self._wait_ready()
        if not self.stop.is_set():
            _write(self._banner(database_url, redis_url).encode())
        while not self.stop.wait(0.5):
            self._check_alive()

    def _database_url(self) -> str:
        if url := os.environ.get("DATABASE_URL"):
            logger.info("DATABASE_URL from the environment: %s", _hide_password(url))
            return url
        self.embedded_postgres = True
        return infra.ensure_embedded_postgres(self.data_dir)

    def _redis_url(self) -> str:
        if url := os.environ.get("REDIS_URL"):
            logger.info("REDIS_URL from the environment: %s", _hide_password(url))
            return url
        self.embedded_redis = True
        return infra.ensure_embedded_redis(self.data_dir)

    def _migrate(self, env: dict[str, str]) -> None:
        child = _spawn(MIGRATE, env, self.host)
        self.children = [child]
        while child.process.poll() is None:
            if self.stop.wait(0.2):
                return
        if child.process.returncode != 0:
            raise StackFailed(f"migrations failed (exit {child.process.returncode}); see above")
        child.relay.join(timeout=2)
        self.children = []

    def _service_settings(self, env: dict[str, str]) -> dict[str, str]:
        """Where the reporting worker finds the other APIs, and its key for them: a fresh one
        each run (the previous one revoked) unless REPORTING_SERVICE_API_KEY is set."""
        settings = {
            "PLANS_API_URL": env.get("PLANS_API_URL", f"http://{self.probe_host}:8001"),
            "FEEDBACK_API_URL": env.get("FEEDBACK_API_URL", f"http://{self.probe_host}:8002"),
        }
        if env.get("REPORTING_SERVICE_API_KEY"):
            return settings
        rotated = subprocess.run(
            [*CLI, "apikey", "rotate", "--name", SERVICE_KEY_NAME, "--scopes", SERVICE_KEY_SCOPES],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if rotated.returncode != 0:
            raise StackFailed(f"could not issue the reporting worker's key: {rotated.stderr}")
        logger.info("issued the reporting worker's key for plans-api and feedback-api")
        return {**settings, "REPORTING_SERVICE_API_KEY": rotated.stdout.strip().splitlines()[-1]}

    def _check_alive(self) -> None:
        for child in self.children:
            code = child.process.poll()
            if code is not None:
                raise StackFailed(f"{child.program.name} exited unexpectedly (exit {code})")

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        pending = [c.program for c in self.children if c.program.port is not None]
        while not self.stop.is_set():
            self._check_alive()
            pending = [p for p in pending if p.port is None or not _ready(self.probe_host, p.port)]
            if not pending:
                return
            if time.monotonic() > deadline:
                names = ", ".join(p.name for p in pending)
                raise StackFailed(f"not ready within {READY_TIMEOUT:.0f} s: {names}")
            self.stop.wait(0.5)

    def _banner(self, database_url: str, redis_url: str) -> str:
        apis = "\n".join(
            f"  {p.name:<{_WIDTH}}  http://{self.probe_host}:{p.port}"
            f"    docs http://{self.probe_host}:{p.port}/docs"
            if p.port is not None
            else f"  {p.name:<{_WIDTH}}  arq worker (events, reports, exports, cron)"
            for p in PROGRAMS
        )
        rule = "─" * 78
        return f"""
{rule}
 Otklik is running. Ctrl-C stops everything.

{apis}

  DATABASE_URL  {_hide_password(database_url)}
  REDIS_URL     {_hide_password(redis_url)}

 Get an API key (printed once, on the last line):
   .venv/bin/otklik apikey create --name me --scopes admin
 and call an API with it:
   curl -H "Authorization: Bearer KEY" http://{self.probe_host}:8001/api/v1/agencies
{rule}
"""

    def shutdown(self) -> None:
        live = [c for c in self.children if c.process.poll() is None]
        if live:
            logger.info("stopping %s", ", ".join(c.program.name for c in live))
        for child in live:
            child.signal_group(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        for child in live:
            try:
                child.process.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                logger.warning("%s did not stop in time: killing it", child.program.name)
                child.signal_group(signal.SIGKILL)
                child.process.wait()
        for child in self.children:
            child.relay.join(timeout=2)
        self._stop_embedded()

    def _stop_embedded(self) -> None:
        stops = [
            *([infra.stop_embedded_postgres] if self.embedded_postgres else []),
            *([infra.stop_embedded_redis] if self.embedded_redis else []),
        ]
        for stop in stops:
            try:
                stop(self.data_dir)
            except infra.DevStackError as exc:
                logger.error("%s", exc)


def _configure_logging() -> None:
    if not logging.getLogger().handlers and not logger.handlers:
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(logging.Formatter(f"{'run':<{_WIDTH}} | %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def run_stack(*, data_dir: Path, host: str = "127.0.0.1") -> int:
    """Run the stack until Ctrl-C or SIGTERM; 0 after a clean stop, non-zero if it failed."""
    _configure_logging()
    stack = Stack(data_dir=data_dir, host=host)
    taken = [port for port in API_PORTS if infra.tcp_port_answers(stack.probe_host, port)]
    if taken:
        logger.error(
            "port(s) %s already in use — is another `otklik run` still running? "
            "Stop it (or free the ports) and try again.",
            ", ".join(map(str, taken)),
        )
        return 2
    with _signals_set(stack.stop):
        try:
            stack.run()
        except (StackFailed, infra.DevStackError) as exc:
            logger.error("%s — stopping the stack", exc)
            return 1
        finally:
            stack.shutdown()
    logger.info("stopped")
    return 0
