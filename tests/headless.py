"""Real renderers for the report tests: headless Chromium over the DevTools protocol, poppler.

Outside CI a machine without them skips those tests with the reason; in CI (`CI=true`, where
`.ci/run` installs them) their absence fails the test instead.
"""

import base64
import contextlib
import io
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import numpy
import pytest
from PIL import Image
from websockets.sync.client import ClientConnection, connect

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
START_TIMEOUT_SECONDS = 30


def require_tool(*names: str) -> str:
    """The first of `names` on PATH; skips the test without it (fails in CI)."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    reason = f"{names[0]} is not installed (apt-get install chromium poppler-utils curl jq)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; .ci/run installs it, so CI must have it")
    pytest.skip(reason)


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float


@dataclass
class Page:
    """One tab of a headless Chromium, driven by DevTools protocol commands."""

    socket: ClientConnection
    ids: Iterator[int]

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        call_id = next(self.ids)
        self.socket.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=START_TIMEOUT_SECONDS))
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message["result"]
                return result

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    def open(self, url: str, width: int) -> None:
        self.send("Page.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=900,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while self.evaluate("document.readyState") != "complete":
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not load")
            time.sleep(0.05)

    def boxes(self, selector: str) -> list[Box]:
        """Page coordinates of every element matching `selector`."""
        script = (
            f"Array.from(document.querySelectorAll({json.dumps(selector)})).map(e => {{"
            "const r = e.getBoundingClientRect();"
            "return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })"
        )
        return [Box(*values) for values in self.evaluate(script)]

    def screenshot(self) -> Image.Image:
        """The whole page, not only the viewport."""
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        return Image.open(io.BytesIO(base64.b64decode(shot["data"]))).convert("RGB")


@contextlib.contextmanager
def chromium_page() -> Iterator[Page]:
    """A fresh headless Chromium (its own profile, no network beyond the page) with one tab."""
    binary = require_tool(*CHROMIUM_NAMES)
    # Chromium's helper processes may still write to the profile as the browser exits
    with tempfile.TemporaryDirectory(
        prefix="otklik-chromium-", ignore_cleanup_errors=True
    ) as profile:
        process = subprocess.Popen(
            [
                binary,
                "--headless",
                "--no-sandbox",  # CI runs as root
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            with connect(_page_socket_url(Path(profile), process), max_size=None) as socket:
                yield Page(socket, itertools.count(1))
        finally:
            # the whole group: the browser and its helpers, none left writing to the profile
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=START_TIMEOUT_SECONDS)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)


def _page_socket_url(profile: Path, process: subprocess.Popen[bytes]) -> str:
    # Chromium writes its port to DevToolsActivePort once it listens; the page target is found
    # through the HTTP listing on that port
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while not port_file.exists() or not port_file.read_text().strip():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("headless Chromium did not start")
        time.sleep(0.05)
    port = port_file.read_text().split()[0]
    import httpx

    targets = httpx.get(f"http://127.0.0.1:{port}/json/list", timeout=10).json()
    page = next(target for target in targets if target["type"] == "page")
    url: str = page["webSocketDebuggerUrl"]
    return url


def pdf_pages(pdf: Path, *, dpi: int = 60) -> list[Image.Image]:
    """Every page of a PDF drawn by poppler's pdftoppm."""
    require_tool("pdftoppm")
    with tempfile.TemporaryDirectory(prefix="otklik-pdf-") as folder:
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", str(pdf), f"{folder}/page"],
            check=True,
            capture_output=True,
        )
        names = sorted(Path(folder).glob("page-*.png"))
        return [Image.open(name).convert("RGB") for name in names]


def pdf_text(pdf: Path) -> str:
    require_tool("pdftotext")
    result = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    )
    return result.stdout


@dataclass(frozen=True)
class PlacedImage:
    page: int  # from 1
    box: Box  # in the page's pixels at the given dpi


def pdf_images(pdf: Path, *, dpi: int = 60) -> list[PlacedImage]:
    """Where each image sits on its page, as poppler lays it out (pdftohtml -xml)."""
    require_tool("pdftohtml")
    with tempfile.TemporaryDirectory(prefix="otklik-pdf-") as folder:
        layout = subprocess.run(
            ["pdftohtml", "-xml", "-stdout", "-nomerge", str(pdf), f"{folder}/layout"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    placed = []
    for page in ElementTree.fromstring(layout).iter("page"):
        # pdftohtml lays pages out at 1.5 px per point
        scale = dpi / 72 / 1.5
        for image in page.iter("image"):
            x, y, width, height = (
                float(image.attrib[name]) * scale for name in ("left", "top", "width", "height")
            )
            placed.append(PlacedImage(int(page.attrib["number"]), Box(x, y, width, height)))
    return placed


def crop(image: Image.Image, box: Box) -> Image.Image:
    return image.crop(
        (round(box.x), round(box.y), round(box.x + box.width), round(box.y + box.height))
    )


def colored_share(image: Image.Image) -> float:
    """Share of pixels that are clearly coloured (not white, grey or black text)."""
    pixels = numpy.asarray(image.convert("RGB"), dtype=numpy.int16)
    spread = pixels.max(axis=2) - pixels.min(axis=2)
    return float((spread > 40).mean()) if spread.size else 0.0


def non_white_share(image: Image.Image) -> float:
    pixels = numpy.asarray(image.convert("L"))
    return float((pixels < 235).mean()) if pixels.size else 0.0
