"""Java's standard HTTP client offers an h2c upgrade on every cleartext request: the services,
served by uvicorn with the kit's protocol, answer it in HTTP/1.1 and keep the POST's body."""

import asyncio
import json
import shutil
import socket
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from feedback_api.app import create_app
from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from otklik_kit.http_protocol import without_h2c_offer
from tests.conftest import KeyMaker
from tests.feedback_helpers import Catalog, feedback_body
from tests.served import serve_asgi
from tests.widget_helpers import operator_of

JAVA_PROGRAM = Path(__file__).parent / "data" / "java" / "PostJson.java"
# what java.net.http.HttpClient (HTTP_2, the default) sends for a POST on a cleartext connection
JAVA_HEAD = (
    "POST {path} HTTP/1.1\r\n"
    "Connection: Upgrade, HTTP2-Settings\r\n"
    "Content-Length: {length}\r\n"
    "Host: {host}\r\n"
    "HTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n"
    "Upgrade: h2c\r\n"
    "User-Agent: Java-http-client/17.0.15\r\n"
    "Authorization: Bearer {token}\r\n"
    "Content-Type: application/json\r\n"
    "\r\n"
)


def _read_response(stream: socket.SocketIO) -> tuple[int, dict[str, str], bytes]:
    reader = stream
    status_line = b""
    while not status_line.endswith(b"\r\n"):
        status_line += reader.read(1)
    headers: dict[str, str] = {}
    line = b""
    while True:
        line += reader.read(1)
        if line.endswith(b"\r\n"):
            if line == b"\r\n":
                break
            name, _, value = line.decode().partition(":")
            headers[name.strip().lower()] = value.strip()
            line = b""
    body = b""
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        body += reader.read(length - len(body))
    return int(status_line.split()[1]), headers, body


def _post_as_java(base_url: str, token: str, bodies: list[bytes]) -> list[tuple[int, bytes]]:
    """Each body POSTed with Java's head, one after the other on one keep-alive connection."""
    address = urlsplit(base_url)
    host, port = address.hostname or "127.0.0.1", address.port or 80
    answers = []
    with socket.create_connection((host, port), timeout=30) as conn:
        stream = socket.SocketIO(conn, "rb")
        for body in bodies:
            head = JAVA_HEAD.format(
                path="/api/v1/feedback", length=len(body), host=f"{host}:{port}", token=token
            )
            conn.sendall(head.encode())
            conn.sendall(body)
            status, headers, answer = _read_response(stream)
            assert headers.get("connection") != "close"
            answers.append((status, answer))
    return answers


async def _comments(
    feedback: httpx.AsyncClient, make_key: KeyMaker, catalog: Catalog, ids: list[str]
) -> list[str]:
    operator = await operator_of(make_key, catalog)
    comments = []
    for feedback_id in ids:
        read = await feedback.get(f"/api/v1/feedback/{feedback_id}", headers=operator)
        assert read.status_code == 200, read.text
        comments.append(read.json()["comment"])
    return comments


async def test_java_h2c_offer_keeps_the_post_body_on_a_keep_alive_connection(
    feedback: httpx.AsyncClient,
    feedback_settings: FeedbackSettings,
    catalog: Catalog,
    make_key: KeyMaker,
) -> None:
    token = await make_key(Scope.FEEDBACK_WRITE, agency_id=uuid.UUID(catalog.agency_id))
    comments = ["Первый отзыв из Java", "Второй отзыв из Java"]
    bodies = [json.dumps(feedback_body(catalog, comment=c)).encode() for c in comments]
    with serve_asgi(create_app(feedback_settings)) as api:
        answers = await asyncio.to_thread(_post_as_java, api, token, bodies)

    assert [status for status, _ in answers] == [201, 201], answers
    ids = [json.loads(answer)["id"] for _, answer in answers]
    assert await _comments(feedback, make_key, catalog, ids) == comments


def test_h2c_offer_is_removed_and_websocket_upgrades_are_kept() -> None:
    offer = (
        b"POST /x HTTP/1.1\r\nConnection: keep-alive, Upgrade, HTTP2-Settings\r\n"
        b"Upgrade: h2c\r\nHTTP2-Settings: AAEAAEAA\r\nContent-Length: 2"
    )
    assert without_h2c_offer(offer) == (
        b"POST /x HTTP/1.1\r\nConnection: keep-alive\r\nContent-Length: 2"
    )
    websocket = b"GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nHost: a"
    assert without_h2c_offer(websocket) == websocket


async def test_java_http_client_posts_json_to_a_served_service(
    feedback: httpx.AsyncClient,
    feedback_settings: FeedbackSettings,
    catalog: Catalog,
    make_key: KeyMaker,
    tmp_path: Path,
) -> None:
    java = shutil.which("java")
    if java is None:
        pytest.skip("no java on this machine")
    token = await make_key(Scope.FEEDBACK_WRITE, agency_id=uuid.UUID(catalog.agency_id))
    body = tmp_path / "feedback.json"
    body.write_text(json.dumps(feedback_body(catalog, comment="Из Java HttpClient")))
    command = [java, str(JAVA_PROGRAM), "/api/v1/feedback", token, str(body)]
    with serve_asgi(create_app(feedback_settings)) as api:
        command[2] = api + command[2]
        run = await asyncio.to_thread(
            subprocess.run, command, capture_output=True, text=True, timeout=180, check=False
        )

    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert [lines[0], lines[2]] == ["201 HTTP_1_1", "201 HTTP_1_1"], run.stdout
    ids = [json.loads(lines[1])["id"], json.loads(lines[3])["id"]]
    assert await _comments(feedback, make_key, catalog, ids) == ["Из Java HttpClient"] * 2
