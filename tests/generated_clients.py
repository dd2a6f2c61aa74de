"""The client packages `make clients` builds from the committed specs (openapi-python-client),
the way an operator gets them, built into a temporary folder and loaded for the tests."""

import importlib
import os
import pkgutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

REPO = Path(__file__).resolve().parents[1]
APIS = ("plans-api", "feedback-api", "reporting-worker")
BASE_URL = "http://testserver"


@dataclass(frozen=True)
class GeneratedClient:
    package: str

    def operation(self, operation_id: str) -> Any:
        """The module of one operation (`asyncio_detailed`, `asyncio`, `sync`, ...)."""
        api = importlib.import_module(f"{self.package}.api")
        for tag in pkgutil.iter_modules(api.__path__):
            try:
                return importlib.import_module(f"{self.package}.api.{tag.name}.{operation_id}")
            except ModuleNotFoundError:
                continue
        raise LookupError(f"{self.package} has no operation {operation_id}")

    def model(self, name: str) -> Any:
        return getattr(importlib.import_module(f"{self.package}.models"), name)

    def connect(self, app: FastAPI, token: str | None) -> Any:
        """A client of the generated package talking to the app in process; the app's lifespan
        must be running (the conftest clients of the same app run it)."""
        client_module = importlib.import_module(f"{self.package}.client")
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        if token is None:
            return client_module.Client(base_url=BASE_URL, httpx_args={"transport": transport})
        return client_module.AuthenticatedClient(
            base_url=BASE_URL,
            token=token,
            httpx_args={"transport": transport},
            raise_on_unexpected_status=True,
        )


def build(into: Path) -> tuple[dict[str, GeneratedClient], str]:
    """Runs `make clients` into `into`, puts each generated project on sys.path (the wheels it
    builds hold the same package) and returns the clients with what the build printed:
    warnings name the parts of a spec the generator could not use."""
    result = subprocess.run(
        ["make", "--no-print-directory", "-s", "clients", f"CLIENTS_OUT={into}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    clients = {}
    for service in APIS:
        sys.path.insert(0, str(into / service))
        package = f"otklik_{service.replace('-', '_')}_client"
        clients[service] = GeneratedClient(package=package)
    return clients, result.stdout + result.stderr


def wheels(into: Path) -> list[str]:
    return sorted(path.name for path in (into / "dist").glob("*.whl"))
