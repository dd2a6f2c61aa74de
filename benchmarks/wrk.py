"""HTTP load with wrk: Lua scripts made by the run, one JSON summary line read back."""

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import psutil

MARKER = "BENCH_SUMMARY "
INSTALL_HINT = (
    "wrk is needed: `sudo apt-get install -y wrk` (Debian, Ubuntu) or `brew install wrk` "
    "(macOS), then run `make bench` again"
)

# printed once at the end of a run: what wrk counted, latencies in microseconds
DONE = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '%s{"requests": %d, "duration_us": %d, "bad_status": %d, "socket_errors": %d, '
    .. '"p50_us": %d, "p99_us": %d, "max_us": %d}\\n',
    "MARKER", summary.requests, summary.duration, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
""".replace("MARKER", MARKER)


def ensure_wrk() -> str:
    """wrk's path; installs it with apt when running as root, else says how."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk is missing; installing it with apt-get", flush=True)
        install = ["apt-get", "install", "-y", "wrk"]
        if subprocess.run(install, capture_output=True, check=False).returncode != 0:
            subprocess.run(["apt-get", "update"], capture_output=True, check=False)
            subprocess.run(install, capture_output=True, check=False)
        found = shutil.which("wrk")
        if found:
            return found
    raise SystemExit(INSTALL_HINT)


def lua_string(text: str) -> str:
    level = "=" * 4
    assert f"]{level}]" not in text
    return f"[{level}[{text}]{level}]"


def post_script(
    path: str, bodies: list[str], tokens: list[str], *, idempotency_prefix: str | None = None
) -> str:
    """POSTs the bodies in turn, each with the next of the API keys (many portals) and, given a
    prefix, an `Idempotency-Key` of its own (the prefix must be new for every load)."""
    keyed = idempotency_prefix is not None
    return (
        "local bodies = {"
        + ",\n".join(lua_string(body) for body in bodies)
        + "}\nlocal tokens = {"
        + ",".join(lua_string(token) for token in tokens)
        + "}\nlocal n = 0\n"
        + "request = function()\n  n = n + 1\n"
        + '  local headers = {["Content-Type"] = "application/json"}\n'
        + "  if #tokens > 0 then\n"
        + '    headers["Authorization"] = "Bearer " .. tokens[n % #tokens + 1]\n'
        + "  end\n"
        + (f'  headers["Idempotency-Key"] = "{idempotency_prefix}-" .. n\n' if keyed else "")
        + f'  return wrk.format("POST", "{path}", headers, bodies[n % #bodies + 1])\n'
        + "end\n"
        + DONE
    )


def get_script(path: str) -> str:
    return f'request = function() return wrk.format("GET", "{path}") end\n' + DONE


@dataclass(frozen=True)
class Load:
    requests: int
    seconds: float
    bad_status: int
    socket_errors: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    # CPU time the server process spent during the load (user + system), when watched
    cpu_seconds: float | None = None
    # share of the machine's CPU time the hypervisor gave to other guests during the load
    steal: float | None = None

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    @property
    def cpu_us_per_request(self) -> float | None:
        if self.cpu_seconds is None or not self.requests:
            return None
        return self.cpu_seconds / self.requests * 1e6

    @property
    def clean(self) -> bool:
        return self.bad_status == 0 and self.socket_errors == 0


def run(
    url: str,
    script: str,
    workdir: Path,
    *,
    seconds: float,
    connections: int = 64,
    name: str = "load",
    timeout_seconds: int = 10,
    server_pid: int | None = None,
) -> Load:
    script_path = workdir / f"{name}.lua"
    script_path.write_text(script, encoding="utf-8")
    command = [ensure_wrk(), "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s"]
    command += [f"--timeout={timeout_seconds}s", "--latency", "-s", str(script_path), url]
    server = psutil.Process(server_pid) if server_pid else None
    cpu_before = sum(server.cpu_times()[:2]) if server else 0.0
    times_before = machine_times()
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    cpu = sum(server.cpu_times()[:2]) - cpu_before if server else None
    steal = stolen_share(times_before, machine_times())
    (workdir / f"{name}.out").write_text(done.stdout + done.stderr)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith(MARKER)), None)
    if line is None:
        raise RuntimeError(f"wrk gave no summary: {done.stdout[-500:]} {done.stderr[-500:]}")
    summary = json.loads(line[len(MARKER) :])
    return Load(
        requests=summary["requests"],
        seconds=summary["duration_us"] / 1e6,
        bad_status=summary["bad_status"],
        socket_errors=summary["socket_errors"],
        p50_ms=summary["p50_us"] / 1000,
        p99_ms=summary["p99_us"] / 1000,
        max_ms=summary["max_us"] / 1000,
        cpu_seconds=cpu,
        steal=steal,
    )


def machine_times() -> list[int] | None:
    """The machine's CPU time counters (Linux /proc/stat: user … steal), or None elsewhere."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            return [int(field) for field in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None


def stolen_share(before: list[int] | None, after: list[int] | None) -> float | None:
    if before is None or after is None or len(before) < 8:
        return None
    spent = [b - a for a, b in zip(before, after, strict=False)]
    total = sum(spent)
    return spent[7] / total if total else None
