"""uvicorn's httptools protocol, serving an HTTP/2 cleartext upgrade offer as plain HTTP/1.1.

Java's standard client (java.net.http.HttpClient, HTTP_2 by default) offers every cleartext
request `Connection: Upgrade, HTTP2-Settings`, `Upgrade: h2c`, `HTTP2-Settings: …`. llhttp then
treats the bytes after the head as the upgraded protocol and uvicorn drops them ("Unsupported
upgrade request"): the body of every POST is lost. RFC 9113 §3.1 lets a server ignore the offer
and answer in HTTP/1.1, which the client accepts; so a request head with an h2c offer loses the
offer before the parser sees it. WebSocket upgrades are untouched.

Only a head that starts a chunk at a message boundary is looked at (a client sends its head in
one write), and only when the chunk holds `h2c` in lower case, as clients send it: every other
chunk goes straight to the parser."""

from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

H2C = b"h2c"
HEAD_END = b"\r\n\r\n"
OFFER_HEADERS = frozenset({b"upgrade", b"http2-settings"})
OFFER_TOKENS = frozenset({b"upgrade", b"http2-settings"})


def _tokens(value: bytes) -> list[bytes]:
    return [token.strip().lower() for token in value.split(b",")]


def without_h2c_offer(head: bytes) -> bytes:
    """The request head (request line and headers, no final blank line) without an h2c upgrade
    offer: its Upgrade and HTTP2-Settings headers and their tokens in Connection; any other
    head unchanged."""
    lines = head.split(b"\r\n")
    fields = [line.partition(b":") for line in lines[1:]]
    upgrades = [value for name, _, value in fields if name.strip().lower() == b"upgrade"]
    if not any(H2C in _tokens(value) for value in upgrades):
        return head
    kept = [lines[0]]
    for line, (name, _, value) in zip(lines[1:], fields, strict=True):
        key = name.strip().lower()
        if key in OFFER_HEADERS:
            continue
        if key == b"connection":
            rest = [t for t in value.split(b",") if t.strip().lower() not in OFFER_TOKENS]
            if not any(token.strip() for token in rest):
                continue
            line = name + b":" + b",".join(rest)
        kept.append(line)
    return b"\r\n".join(kept)


class H2cTolerantProtocol(HttpToolsProtocol):
    """HttpToolsProtocol that answers an h2c upgrade offer in HTTP/1.1 (see the module)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._between_messages = True

    def on_message_begin(self) -> None:
        self._between_messages = False
        super().on_message_begin()

    def on_message_complete(self) -> None:
        self._between_messages = True
        super().on_message_complete()

    def data_received(self, data: bytes) -> None:
        if self._between_messages and H2C in data:
            end = data.find(HEAD_END)
            if end != -1:
                data = without_h2c_offer(data[:end]) + data[end:]
        super().data_received(data)
