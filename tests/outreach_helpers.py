"""Shared steps of the outreach tests: touchpoints made in plans-api and carried to
feedback-api's catalog copy, and reading QR codes back with zbar."""

import io
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from tests.feedback_helpers import sync_catalog
from tests.headless import require_tool


async def add_touchpoint(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    headers: dict[str, str],
    agency_id: str,
    **fields: Any,
) -> str:
    body = {
        "agency_id": agency_id,
        "kind": "one_stop_center",
        "name": "МФЦ «Мои документы» на ул. Ленина",
        "address": "г. Примерск, ул. Ленина, д. 1",
        "directions": ["state_services"],
        "client_needs": ["submission", "feedback"],
        "collects_feedback": True,
        **fields,
    }
    response = await plans.post("/api/v1/touchpoints", json=body, headers=headers)
    assert response.status_code == 201, response.text
    await sync_catalog(plans_app, feedback_settings)
    touchpoint_id: str = response.json()["id"]
    return touchpoint_id


def decode_qr(image: bytes | Path) -> list[str]:
    """Every QR code zbar finds in a PNG (bytes or a file)."""
    zbarimg = require_tool("zbarimg")
    with tempfile.TemporaryDirectory(prefix="otklik-qr-") as folder:
        path = image if isinstance(image, Path) else Path(folder) / "code.png"
        if not isinstance(image, Path):
            path.write_bytes(image)
        result = subprocess.run(
            [zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
    return [line for line in result.stdout.splitlines() if line]


def decode_svg_qr(svg: bytes) -> list[str]:
    """An SVG QR code read back: drawn into a PDF by fpdf2, rasterised by poppler, read by zbar."""
    from fpdf import FPDF

    from tests.headless import pdf_pages

    document = FPDF(unit="mm", format=(120, 120))
    document.add_page()
    document.image(io.BytesIO(svg), x=10, y=10, w=100, h=100)
    with tempfile.TemporaryDirectory(prefix="otklik-qr-") as folder:
        pdf = Path(folder) / "code.pdf"
        pdf.write_bytes(bytes(document.output()))
        page = pdf_pages(pdf, dpi=150)[0]
        png = Path(folder) / "code.png"
        page.save(png)
        return decode_qr(png)
