"""Python clients generated from the committed specs with openapi-python-client, the way a
portal or an operator's system makes them, loaded for the tests."""

import importlib
import pkgutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "services" / "openapi-python-client.yaml"
GENERATOR = Path(sys.executable).parent / "openapi-python-client"
BASE_URL = "http://testserver"


@dataclass(frozen=True)
class GeneratedClient:
    package: str
    # what the generator printed: warnings name the parts of a spec it could not use
    output: str

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


def generate(service: str, into: Path) -> GeneratedClient:
    """Generates the client of `services/<service>/openapi.json` under `into` and makes it
    importable (`otklik_<service>_client`)."""
    spec = REPO / "services" / service / "openapi.json"
    output = into / service
    result = subprocess.run(
        [GENERATOR, "generate", "--path", spec, "--output-path", output, "--config", CONFIG],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(output))
    package = f"otklik_{service.replace('-', '_')}_client"
    return GeneratedClient(package=package, output=result.stdout + result.stderr)
