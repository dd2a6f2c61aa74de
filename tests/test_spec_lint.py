"""The committed specs pass Redocly's recommended rules (`make lint-specs`); the exceptions are
in .redocly.lint-ignore.yaml, each with its reason. Needs node and npm (CI installs them)."""

import shutil
import subprocess

import pytest

from tests.spec_helpers import REPO


@pytest.mark.skipif(shutil.which("npm") is None, reason="Redocly CLI needs node and npm")
def test_specs_pass_redoclys_recommended_rules() -> None:
    done = subprocess.run(
        ["make", "--no-print-directory", "lint-specs"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "warning" not in output, output
