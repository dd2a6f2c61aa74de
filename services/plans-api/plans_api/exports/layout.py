"""How wrapped text fills spreadsheet cells: line counts, and text too tall for one row split.

Spreadsheet programs neither fit the height of merged rows nor of rows written by a program, so
heights are estimated from the text and the column widths. Excel shows at most 409 pt of a row
and cuts the rest, so a taller text is split over continuation rows.
"""

import math

MAX_ROW_PT = 409.0
# A4 in points, and what a landscape page leaves for the sheet at the given margins (inches)
A4_LONG_PT, A4_SHORT_PT = 841.9, 595.3
POINTS_PER_INCH = 72.0
# Column width unit → pixels as Excel counts it for its default font (7 px a digit, 5 px padding)
PX_PER_UNIT, PX_PADDING, PT_PER_PX = 7.0, 5.0, 0.75

Line = tuple[str, str]  # a wrapped line's text and what joined it to the next: " ", "" or "\n"


def capacity(width: float, chars_per_unit: float) -> int:
    return max(1, math.floor(width * chars_per_unit))


def wrap(text: str, chars: int) -> list[Line]:
    """Greedy word wrap into lines of at most `chars` characters; long words are broken."""
    lines: list[Line] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            if current and len(current) + 1 + len(word) <= chars:
                current += " " + word
                continue
            if current:
                lines.append((current, " "))
            while len(word) > chars:
                lines.append((word[:chars], ""))
                word = word[chars:]
            current = word
        lines.append((current, "\n"))
    return lines


def line_count(text: str, chars: int) -> int:
    return len(wrap(text, chars))


def split(text: str, chars: int, max_lines: int) -> list[str]:
    """The text in pieces of at most `max_lines` wrapped lines, together the whole text."""
    lines = wrap(text, chars)
    pieces = []
    for start in range(0, len(lines), max_lines):
        group = lines[start : start + max_lines]
        body = "".join(line + joint for line, joint in group[:-1]) + group[-1][0]
        pieces.append(body)
    return pieces or [""]


def sheet_width_pt(widths: list[float]) -> float:
    return sum(w * PX_PER_UNIT + PX_PADDING for w in widths) * PT_PER_PX


def landscape_fit_scale(widths: list[float], *, side_margins_in: float) -> float:
    """The scale a printer applies to fit the columns to an A4 landscape page's width."""
    printable = A4_LONG_PT - 2 * side_margins_in * POINTS_PER_INCH
    return min(1.0, printable / sheet_width_pt(widths))
