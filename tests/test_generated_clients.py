"""The reporting worker's clients of plans-api and feedback-api are what `make clients`
generates from the committed specs: a contract change without regenerating them fails here."""

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = ROOT / "services/reporting-worker/reporting_worker/clients"
BIN = Path(sys.executable).parent


def _differences(left: Path, right: Path) -> list[str]:
    compared = filecmp.dircmp(left, right, ignore=["__pycache__"])
    found = [str(left / name) for name in compared.left_only + compared.right_only]
    found += [str(left / name) for name in compared.diff_files]
    for sub in compared.common_dirs:
        found += _differences(left / sub, right / sub)
    return found


@pytest.mark.parametrize("service", ["plans-api", "feedback-api"])
def test_committed_client_is_generated_from_the_committed_spec(
    service: str, tmp_path: Path
) -> None:
    package = service.replace("-", "_")
    # the same folder names as in the project, so the same ruff settings apply
    out = tmp_path / "reporting_worker" / "clients" / package
    subprocess.run(
        [
            BIN / "openapi-python-client",
            "generate",
            "--path",
            ROOT / "services" / service / "openapi.json",
            "--meta",
            "none",
            "--output-path",
            out,
            "--overwrite",
            "--config",
            ROOT / "services" / "openapi-python-client.yaml",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    fixes = ["--target-version", "py311", "--select", "F401,F811,I001,UP,RUF100,SIM114,RUF022"]
    subprocess.run(
        [BIN / "ruff", "check", "--isolated", *fixes, "--fix-only", "--quiet", out], check=True
    )
    subprocess.run(
        [BIN / "ruff", "format", "--isolated", "--line-length", "100", "--quiet", out], check=True
    )

    assert _differences(CLIENTS / package, out) == [], "run `make clients`"
    shutil.rmtree(out)
