"""The response headers every spec declares, in `components.headers`, and where each applies.

X-Request-ID is on every response; Retry-After on every 429 and 503; Idempotent-Replayed on the
successful responses of an operation that takes an `Idempotency-Key`; Content-Disposition on
every file download (declared by `otklik_kit.routing.file_response`).
"""

from typing import Any

HEADERS: dict[str, dict[str, Any]] = {
    "X-Request-ID": {
        "description": "The request's id: the client's `X-Request-ID` (up to 64 characters) or "
        "a new one; every log line and problem body of the request carries it",
        "required": True,
        "schema": {
            "type": "string",
            "maxLength": 64,
            "examples": ["4f9c2a7b1e8d4c3a9b6f0e1d2c3b4a5f"],
        },
    },
    "Retry-After": {
        "description": "Seconds to wait before trying again",
        "schema": {"type": "integer", "minimum": 0, "examples": [5]},
    },
    "Idempotent-Replayed": {
        "description": "`true` when the response is the stored one of an earlier request with "
        "the same `Idempotency-Key`; absent on a first answer",
        "schema": {"type": "string", "enum": ["true"]},
    },
    "Content-Disposition": {
        "description": "`attachment` (or `inline`) with the file's name: `filename` in ASCII, "
        "`filename*` in UTF-8 (RFC 6266, RFC 5987)",
        "required": True,
        "schema": {
            "type": "string",
            "examples": [
                'attachment; filename="Otchet.xlsx"; '
                "filename*=UTF-8''%D0%9E%D1%82%D1%87%D0%B5%D1%82.xlsx"
            ],
        },
    },
}


def header_ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/headers/{name}"}


def _takes_idempotency_key(operation: dict[str, Any]) -> bool:
    return any(
        parameter.get("in") == "header" and parameter.get("name", "").lower() == "idempotency-key"
        for parameter in operation.get("parameters", [])
    )


def declare_headers(schema: dict[str, Any]) -> None:
    """Adds the headers to the components and to each operation's responses."""
    used: set[str] = set()
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            replayable = _takes_idempotency_key(operation)
            for status, response in operation.get("responses", {}).items():
                headers = response.setdefault("headers", {})
                headers["X-Request-ID"] = header_ref("X-Request-ID")
                if status in ("429", "503"):
                    headers["Retry-After"] = header_ref("Retry-After")
                if replayable and status.startswith("2"):
                    headers["Idempotent-Replayed"] = header_ref("Idempotent-Replayed")
                used.update(name.split("/")[-1] for name in _refs(headers))
    schema.setdefault("components", {})["headers"] = {
        name: header for name, header in HEADERS.items() if name in used
    }


def _refs(headers: dict[str, Any]) -> list[str]:
    return [header["$ref"] for header in headers.values() if "$ref" in header]
