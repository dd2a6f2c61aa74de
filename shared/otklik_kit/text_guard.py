"""Text PostgreSQL cannot store — NUL characters, unpaired UTF-16 surrogates — is refused at the
door with a 422 naming the field, for every JSON body and query string of every service, instead
of failing deep inside a handler with a 500."""

import json
import re
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from otklik_kit.errors import UnprocessableEntity
from otklik_kit.problems import problem_response
from otklik_shared.problem import FieldError

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# a cheap look at the raw body first: only these can decode to unstorable text
SUSPECT = re.compile(rb"\\u0000|\\u[dD][89a-fA-F]|\x00")
MESSAGE = "Text cannot contain NUL characters or unpaired surrogates"


def unstorable_field(value: Any, path: tuple[str, ...] = ()) -> str | None:
    """The dotted path of the first string (or key) holding unstorable text, else None."""
    if isinstance(value, str):
        return ".".join(path) if UNSTORABLE.search(value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            if UNSTORABLE.search(key):
                return ".".join((*path, key.encode("unicode_escape").decode()))
            if (found := unstorable_field(item, (*path, key))) is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            if (found := unstorable_field(item, (*path, str(index)))) is not None:
                return found
    return None


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return ""


class UnstorableTextMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        for name, value in parse_qsl(query, keep_blank_values=True):
            if UNSTORABLE.search(name) or UNSTORABLE.search(value):
                await self._refuse(scope, receive, send, "query", name.replace("\x00", ""))
                return
        content_type = _header(scope, b"content-type").split(";")[0].strip()
        if not (content_type == "application/json" or content_type.endswith("+json")):
            await self.app(scope, receive, send)
            return
        body = await self._read(receive)
        if body is None:
            return  # the client went away, or the size limit already answered
        if SUSPECT.search(body):
            try:
                field = unstorable_field(json.loads(body))
            except ValueError:
                field = None  # not JSON at all: the app says so
            if field is not None:
                await self._refuse(scope, receive, send, "body", field)
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _read(receive: Receive) -> bytes | None:
        """The whole body, or None when the request was cut short."""
        chunks = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return None
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                return b"".join(chunks)

    @staticmethod
    async def _refuse(
        scope: Scope, receive: Receive, send: Send, location: str, field: str
    ) -> None:
        error = FieldError(location=location, field=field, message=MESSAGE, type="unstorable_text")
        response = problem_response(
            status=422,
            code=UnprocessableEntity.code,
            title=UnprocessableEntity.title,
            detail=f"{location}.{field}: {MESSAGE}",
            errors=[error],
            instance=scope["path"],
        )
        await response(scope, receive, send)
