"""Tables of the report, described once and shown by every format: a column knows its kind, and
each format turns the kind into its own notation (Russian text on the page and in the PDF,
number formats in Excel)."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

Value = str | int | float | date | None


class Kind(StrEnum):
    TEXT = "text"
    COUNT = "count"
    PERCENT = "percent"  # 0–100, as the report holds shares
    SCORE = "score"  # an average rating 1–5
    PERCENT_CHANGE = "percent_change"  # a change of a share, in percentage points
    SCORE_CHANGE = "score_change"
    COUNT_CHANGE = "count_change"
    DATE = "date"


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = Kind.TEXT
    width: int = 14  # characters, for Excel; the page and the PDF share it out proportionally


@dataclass(frozen=True)
class Table:
    sheet: str  # the Excel sheet name: short, unique, at most 31 characters
    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Value]]
    note: str | None = None
    # per row, the colour that marks it (the pain map's severity), in the page and the PDF
    row_colors: Sequence[str | None] = field(default_factory=tuple)
    in_document: bool = True  # False: the workbook only (the page and the PDF draw it otherwise)
    folded: bool = False  # long and secondary: the page shows it on request


NO_VALUE = "—"


def _decimal(number: float, digits: int) -> str:
    return f"{number:,.{digits}f}".replace(",", "\u00a0").replace(".", ",")


def format_value(kind: Kind, value: Value) -> str:
    """A cell as Russian text: decimal comma, thin groups, «%» and «п. п.»."""
    if value is None or value == "":
        return NO_VALUE
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, str):
        return value
    match kind:
        case Kind.COUNT:
            return _decimal(value, 0)
        case Kind.PERCENT:
            return f"{_decimal(value, 1)}\u00a0%"
        case Kind.SCORE:
            return _decimal(value, 2)
        case Kind.PERCENT_CHANGE:
            return f"{_signed(value, 1)}\u00a0п.\u00a0п."
        case Kind.SCORE_CHANGE:
            return _signed(value, 2)
        case Kind.COUNT_CHANGE:
            return _signed(value, 0)
        case _:
            return str(value)


def _signed(number: float, digits: int) -> str:
    text = _decimal(abs(number), digits)
    if round(number, digits) == 0:
        return text
    return ("+" if number > 0 else "−") + text


def is_numeric(kind: Kind) -> bool:
    return kind not in (Kind.TEXT, Kind.DATE)
