"""Operators' bearer JWTs from an agency's OIDC provider (a key pair made here, its JWKS served
by a local HTTP server) map to the same scopes and agency binding as API keys."""

import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from plans_api.app import create_app
from plans_api.config import PlansSettings
from tests.catalog_helpers import create_agency
from tests.conftest import running

ISSUER = "https://sso.example-region.ru/realms/minsoc"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def signing_key() -> rsa.RSAPrivateKey:
    return new_key()


@pytest.fixture(scope="module")
def jwks_url(signing_key: rsa.RSAPrivateKey) -> Iterator[str]:
    public = json.loads(RSAAlgorithm.to_jwk(signing_key.public_key()))
    body = json.dumps({"keys": [{**public, "kid": "k1", "use": "sig", "alg": "RS256"}]}).encode()

    class Jwks(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            del args

    server = ThreadingHTTPServer(("127.0.0.1", 0), Jwks)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/certs"
    server.shutdown()
    server.server_close()


@pytest.fixture
async def plans_oidc(
    settings_overrides: dict[str, Any], jwks_url: str
) -> AsyncIterator[httpx.AsyncClient]:
    settings = PlansSettings(**settings_overrides, OIDC_ISSUER=ISSUER, OIDC_JWKS_URL=jwks_url)
    async with running(create_app(settings)) as client:
        yield client


def token(key: rsa.RSAPrivateKey, **claims: Any) -> dict[str, str]:
    now = int(time.time())
    body = {"iss": ISSUER, "aud": "otklik", "sub": "operator-7", "iat": now, "exp": now + 300}
    body.update(claims)
    encoded = jwt.encode(body, key, algorithm="RS256", headers={"kid": "k1"})
    return {"Authorization": f"Bearer {encoded}"}


async def test_a_valid_token_with_the_scope_is_let_in(
    plans_oidc: httpx.AsyncClient, signing_key: rsa.RSAPrivateKey
) -> None:
    response = await plans_oidc.get(
        "/api/v1/agencies", headers=token(signing_key, scope="openid plans:read")
    )

    assert response.status_code == 200, response.text


async def test_a_token_without_the_scope_is_forbidden(
    plans_oidc: httpx.AsyncClient, signing_key: rsa.RSAPrivateKey
) -> None:
    response = await plans_oidc.get(
        "/api/v1/agencies", headers=token(signing_key, scope="openid feedback:read")
    )

    assert response.status_code == 403


@pytest.mark.parametrize(
    "claims",
    [
        {"exp": int(time.time()) - 3600},
        {"iss": "https://sso.elsewhere.ru"},
        {"aud": "another-system"},
    ],
    ids=["expired", "foreign issuer", "foreign audience"],
)
async def test_invalid_tokens_are_refused(
    plans_oidc: httpx.AsyncClient, signing_key: rsa.RSAPrivateKey, claims: dict[str, Any]
) -> None:
    response = await plans_oidc.get(
        "/api/v1/agencies", headers=token(signing_key, scope="plans:read", **claims)
    )

    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"


async def test_a_token_signed_by_another_key_is_refused(plans_oidc: httpx.AsyncClient) -> None:
    response = await plans_oidc.get(
        "/api/v1/agencies", headers=token(new_key(), scope="plans:read")
    )

    assert response.status_code == 401


async def test_the_agency_claim_binds_the_operator_to_the_agency(
    plans_oidc: httpx.AsyncClient,
    signing_key: rsa.RSAPrivateKey,
    admin_headers: dict[str, str],
) -> None:
    own = await create_agency(plans_oidc, admin_headers, "Министерство соцзащиты")
    other = await create_agency(plans_oidc, admin_headers, "Министерство транспорта")
    operator = token(signing_key, scope="plans:read", agency_id=own)

    listed = await plans_oidc.get("/api/v1/agencies", headers=operator)
    foreign = await plans_oidc.get(f"/api/v1/agencies/{other}", headers=operator)

    assert [a["id"] for a in listed.json()["items"]] == [own]
    assert foreign.status_code == 404
