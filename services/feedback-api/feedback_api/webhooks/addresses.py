"""Where a webhook may point: with WEBHOOK_PUBLIC_ADDRESSES_ONLY (on in production) only public
addresses, never a user or password in the URL. Checked at registration, and again at delivery
on the addresses the name resolves to then; the try connects to the address that was checked,
so a name that resolves elsewhere a moment later (DNS rebinding) reaches nothing new."""

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit, urlunsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
LOCAL_NAMES = ("localhost", "localhost.", "localhost.localdomain")


class RefusedAddress(Exception):
    """The URL points where webhooks may not go; the message says why, for the client."""


@dataclass(frozen=True, slots=True)
class Target:
    """A URL pinned to the checked address it is to be connected to."""

    url: str
    host_header: str
    server_name: str | None


def is_public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def check_shape(url: str, *, public_only: bool) -> None:
    """What the URL alone tells: userinfo, a local name, a non-public address literal."""
    if not public_only:
        return
    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None:
        raise RefusedAddress("a webhook URL may not carry a user name or password")
    host = (parts.hostname or "").lower()
    if host in LOCAL_NAMES or host.endswith((".localhost", ".localhost.")):
        raise RefusedAddress("a webhook URL must point to a public address, not localhost")
    literal = _literal(host)
    if literal is not None and not is_public(literal):
        raise RefusedAddress(f"{literal} is not a public address")


async def resolve(host: str, port: int) -> list[IPAddress]:
    literal = _literal(host)
    if literal is not None:
        return [literal]
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))


def _port(parts: SplitResult) -> int:
    return parts.port or (443 if parts.scheme == "https" else 80)


async def check_resolved(url: str, *, public_only: bool) -> list[IPAddress]:
    """The addresses the URL's name resolves to now, each checked; raises RefusedAddress when
    one is not allowed, OSError when the name does not resolve."""
    check_shape(url, public_only=public_only)
    parts = urlsplit(url)
    addresses = await resolve(parts.hostname or "", _port(parts))
    if public_only:
        for address in addresses:
            if not is_public(address):
                raise RefusedAddress(f"{parts.hostname} resolves to {address}, not public")
    return addresses


def pinned(url: str, address: IPAddress) -> Target:
    """The URL with its host replaced by the checked address; the Host header and the TLS
    server name keep the registered name."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc_host = f"[{address}]" if address.version == 6 else str(address)
    port = f":{parts.port}" if parts.port else ""
    host_header = (f"[{host}]" if ":" in host else host) + port
    server_name = host if parts.scheme == "https" and _literal(host) is None else None
    return Target(urlunsplit(parts._replace(netloc=netloc_host + port)), host_header, server_name)
