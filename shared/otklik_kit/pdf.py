"""PDF documents of every service (fpdf2): the DejaVu font matplotlib ships, so Cyrillic prints
from a PyPI install alone, and documents that close their font files when written."""

from pathlib import Path

import matplotlib
from fpdf import FPDF

FONT = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
PDF_MEDIA_TYPE = "application/pdf"


def font_path(name: str) -> Path:
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name


def add_fonts(document: FPDF) -> None:
    for style, name in FONT_FILES.items():
        document.add_font(FONT, style, font_path(name))


def written(document: FPDF) -> bytes:
    """The document's bytes; fpdf2 keeps each font file open while the document lives."""
    try:
        return bytes(document.output())
    finally:
        for font in document.fonts.values():
            ttfont = getattr(font, "ttfont", None)
            if ttfont is not None:
                ttfont.close()
