"""Printable A4 posters (fpdf2): a call to rate, who and where, the QR code of the rating page
drawn as vectors, the short address under it. Cyrillic through DejaVu Sans from matplotlib's own
fonts, as the reports find it."""

from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import Align

from feedback_api.outreach.qr import BORDER, dark_runs
from otklik_kit.pdf import FONT, add_fonts, written

MARGIN = 18.0
# 10 cm and more scans from a metre and beyond with any phone camera (about 1:10)
QR_MAX_MM = 130.0
QR_MIN_MM = 100.0
INK = (16, 42, 67)
PRIMARY = (11, 87, 208)
MUTED = (82, 96, 109)
CALL_TO_ACTION = "Оцените качество обслуживания"
HOW_TO = "Наведите камеру телефона на код или откройте адрес в браузере"
PROMISE = "Оценка от 1 до 5 займёт меньше минуты. Каждый отзыв читает ведомство."


@dataclass(frozen=True, slots=True)
class Poster:
    agency: str
    touchpoint: str
    service: str | None
    url: str


def _shown_url(url: str) -> str:
    return url.split("://", 1)[-1]


class _Posters(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        add_fonts(self)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)
        self.set_creator("Otklik")

    def centred(
        self, text: str, *, size: float, style: str = "", color: tuple[int, ...] = INK
    ) -> None:
        self.set_font(FONT, style, size)
        self.set_text_color(*color)
        self.multi_cell(
            0, size * 0.45, text, align=Align.C, new_x="LMARGIN", new_y="NEXT", max_line_height=size
        )

    def qr(self, url: str, *, top: float, side: float) -> None:
        modules, runs = dark_runs(url)
        unit = side / (modules + 2 * BORDER)
        left = (self.w - side) / 2
        self.set_fill_color(0, 0, 0)
        for row, column, length in runs:
            self.rect(
                left + (column + BORDER) * unit,
                top + (row + BORDER) * unit,
                length * unit,
                unit,
                style="F",
            )

    def poster(self, poster: Poster) -> None:
        self.add_page()
        self.set_y(MARGIN)
        self.centred(poster.agency, size=13, color=MUTED)
        self.ln(6)
        self.centred(CALL_TO_ACTION, size=30, style="B", color=PRIMARY)
        self.ln(5)
        self.centred(poster.touchpoint, size=18, style="B")
        if poster.service:
            self.ln(2)
            self.centred(f"Услуга: {poster.service}", size=13)
        top = self.get_y() + 4
        below = 42.0
        side = max(QR_MIN_MM, min(QR_MAX_MM, self.h - MARGIN - below - top))
        self.qr(poster.url, top=top, side=side)
        self.set_y(top + side + 1)
        shown = _shown_url(poster.url)
        self.set_font(FONT, "B", 13)
        # on one line when it fits at a readable size: a wrapped address is hard to type
        size = 13 if self.get_string_width(shown) <= self.epw else 10
        self.centred(shown, size=size, style="B")
        self.ln(3)
        self.centred(HOW_TO, size=11, color=MUTED)
        self.ln(2)
        self.centred(PROMISE, size=11, color=MUTED)


def posters_pdf(posters: Sequence[Poster], *, title: str) -> bytes:
    """One A4 page per poster."""
    document = _Posters()
    document.set_title(title)
    for poster in posters:
        document.poster(poster)
    return written(document)
