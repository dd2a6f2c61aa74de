"""The plan as an XLSX workbook: one sheet «План» laid out like the official table, print-ready.

As in the DOCX, an item with several executors takes one row per executor (real date cells),
its number, text and result merged down. Spreadsheet programs do not fit the height of merged
or freshly written rows, so heights are estimated from the text and column widths. Excel shows
at most 409 pt of a row, so a longer item's text and result continue on the rows below, its
number merged down beside them. Page breaks are set from those heights so that a section or
group header never stays alone at a page's foot: it goes to the next page with its first item.
"""

import io
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from plans_api.exports import layout
from plans_api.exports.document import (
    TABLE_HEADER,
    ExportExecutor,
    ExportFootnote,
    ExportRow,
    PlanDocument,
    approval_lines,
    marks_label,
    number_label,
)

SHEET_TITLE = "План"
FONT = "Times New Roman"
BODY_PT = 12
TABLE_PT = 11
FOOTNOTE_PT = 10
COLUMN_WIDTHS = (7.0, 46.0, 11.5, 11.5, 34.0, 30.0)
# Characters of Times New Roman 11 per unit of column width, kept low: a row a little too
# tall costs less than a line cut off.
CHARS_PER_UNIT = 1.2
LINE_PT = 14.0
PADDING_PT = 3.0
MAX_LINES = int((layout.MAX_ROW_PT - PADDING_PT) // LINE_PT)
DEFAULT_ROW_PT = 15.0
SIDE_MARGIN_IN, TOP_MARGIN_IN, BOTTOM_MARGIN_IN = 0.6, 0.75, 0.6
# the page is filled to this share of its estimated height: a break a little early is harmless,
# one too late lets the program break on its own, perhaps under a header
PAGE_FILL = 0.9
DATE_FORMAT = "DD.MM.YYYY"
SHADE = PatternFill("solid", fgColor="E7E6E6")
THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
TOP_CENTER = Alignment(horizontal="center", vertical="top", wrap_text=True)
MIDDLE_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

NUMBER, TEXT, START, END, RESPONSIBLE, RESULT = range(1, 7)
LAST_COLUMN = RESULT
APPROVAL_FIRST_COLUMN = RESPONSIBLE


@dataclass(frozen=True)
class Block:
    """The sheet rows of one plan row; a header is kept on the page of what follows it."""

    first: int
    last: int
    header: bool


def render_xlsx(doc: PlanDocument) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = SHEET_TITLE
    for column, width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    header_row = _write_heading(sheet, doc)
    _write_table_header(sheet, header_row)
    row = header_row + 1
    blocks = []
    for plan_row in doc.rows:
        next_row = _write_row(sheet, plan_row, row)
        blocks.append(Block(row, next_row - 1, header=plan_row.kind != "item"))
        row = next_row
    _draw_grid(sheet, header_row, row - 1)
    last_row = _write_footnotes(sheet, doc.footnotes, row + 1)
    _set_up_print(sheet, header_row, last_row)
    _break_pages(sheet, header_row, blocks)
    workbook.properties.title = doc.title
    workbook.properties.subject = doc.service_title
    workbook.properties.creator = doc.agency_name
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_heading(sheet: Worksheet, doc: PlanDocument) -> int:
    """Status, approval stamp at the top right, the title; returns the table's header row."""
    _put(sheet, 1, NUMBER, doc.status_label, size=FOOTNOTE_PT, italic=True)
    _merge(sheet, 1, NUMBER, 1, TEXT)
    stamp_width = sum(COLUMN_WIDTHS[APPROVAL_FIRST_COLUMN - 1 :])
    for row, line in enumerate(approval_lines(doc), start=1):
        _put(sheet, row, APPROVAL_FIRST_COLUMN, line, size=BODY_PT)
        _merge(sheet, row, APPROVAL_FIRST_COLUMN, row, LAST_COLUMN)
        sheet.row_dimensions[row].height = _height([line], [stamp_width], BODY_PT)
    full_width = sum(COLUMN_WIDTHS)
    title_row, agency_row = 5, 6
    _put(sheet, title_row, NUMBER, doc.title, size=BODY_PT, bold=True, align=TOP_CENTER)
    _put(sheet, agency_row, NUMBER, doc.agency_name, size=BODY_PT, align=TOP_CENTER)
    for row, text in ((title_row, doc.title), (agency_row, doc.agency_name)):
        _merge(sheet, row, NUMBER, row, LAST_COLUMN)
        sheet.row_dimensions[row].height = _height([text], [full_width], BODY_PT)
    return agency_row + 2


def _write_table_header(sheet: Worksheet, row: int) -> None:
    for column, label in enumerate(TABLE_HEADER, start=1):
        _put(sheet, row, column, label, bold=True, align=MIDDLE_CENTER)
    sheet.row_dimensions[row].height = _height(list(TABLE_HEADER), list(COLUMN_WIDTHS))


def _write_row(sheet: Worksheet, plan_row: ExportRow, row: int) -> int:
    """Writes one plan row from `row` on; returns the next free row."""
    number = number_label(plan_row.number)
    if plan_row.kind == "section":
        _put(sheet, row, NUMBER, number, bold=True)
        _put(sheet, row, TEXT, _text(plan_row, bold=True), bold=True)
        _merge(sheet, row, TEXT, row, LAST_COLUMN)
        for column in range(NUMBER, LAST_COLUMN + 1):
            sheet.cell(row, column).fill = SHADE
        width = sum(COLUMN_WIDTHS[TEXT - 1 :])
        sheet.row_dimensions[row].height = _height([plan_row.text], [width])
        return row + 1
    if plan_row.kind == "group":
        _put(sheet, row, NUMBER, number, bold=True)
        _put(sheet, row, TEXT, _text(plan_row, bold=True), bold=True)
        _merge(sheet, row, TEXT, row, RESPONSIBLE)
        _put(sheet, row, RESULT, plan_row.result)
        text_width = sum(COLUMN_WIDTHS[TEXT - 1 : RESPONSIBLE])
        widths = [text_width, COLUMN_WIDTHS[RESULT - 1]]
        sheet.row_dimensions[row].height = _height([plan_row.text, plan_row.result], widths)
        return row + 1
    return _write_item(sheet, plan_row, row)


def _write_item(sheet: Worksheet, item: ExportRow, row: int) -> int:
    executors: list[ExportExecutor | None] = [*item.executors] or [None]
    texts, widths = [item.text, item.result], [COLUMN_WIDTHS[TEXT - 1], COLUMN_WIDTHS[RESULT - 1]]
    heights = [
        _height([e.responsible if e else ""], [COLUMN_WIDTHS[RESPONSIBLE - 1]]) for e in executors
    ]
    if _height(texts, widths) > layout.MAX_ROW_PT * len(executors):
        return _write_continued_item(sheet, item, row, executors)
    _put(sheet, row, NUMBER, number_label(item.number))
    _put(sheet, row, TEXT, _text(item))
    _put(sheet, row, RESULT, item.result)
    for offset, executor in enumerate(executors):
        _put_executor(sheet, row + offset, executor)
    last = row + len(executors) - 1
    for column in (NUMBER, TEXT, RESULT):
        _merge(sheet, row, column, last, column)
    # the merged text needs this much more than the executors' rows give; the last rows take it
    extra = _height(texts, widths) - sum(heights)
    for offset in reversed(range(len(heights))):
        added = max(0.0, min(extra, layout.MAX_ROW_PT - heights[offset]))
        heights[offset] += added
        extra -= added
    for offset, height in enumerate(heights):
        sheet.row_dimensions[row + offset].height = height
    return last + 1


def _write_continued_item(
    sheet: Worksheet, item: ExportRow, row: int, executors: list[ExportExecutor | None]
) -> int:
    """An item too tall for its rows: text and result split over as many rows as they need."""
    text_pieces = layout.split(item.text, _chars(COLUMN_WIDTHS[TEXT - 1]), MAX_LINES)
    result_pieces = layout.split(item.result, _chars(COLUMN_WIDTHS[RESULT - 1]), MAX_LINES)
    count = max(len(executors), len(text_pieces), len(result_pieces))
    _put(sheet, row, NUMBER, number_label(item.number))
    for offset in range(count):
        text = text_pieces[offset] if offset < len(text_pieces) else ""
        result = result_pieces[offset] if offset < len(result_pieces) else ""
        executor = executors[offset] if offset < len(executors) else None
        last_piece = offset == len(text_pieces) - 1
        _put(sheet, row + offset, TEXT, _text(item, text=text) if last_piece else text)
        _put(sheet, row + offset, RESULT, result)
        _put_executor(sheet, row + offset, executor)
        responsible = executor.responsible if executor else ""
        sheet.row_dimensions[row + offset].height = _height(
            [text, responsible, result],
            [COLUMN_WIDTHS[TEXT - 1], COLUMN_WIDTHS[RESPONSIBLE - 1], COLUMN_WIDTHS[RESULT - 1]],
        )
    _merge(sheet, row, NUMBER, row + count - 1, NUMBER)
    return row + count


def _put_executor(sheet: Worksheet, row: int, executor: ExportExecutor | None) -> None:
    if executor is not None:
        _put_date(sheet, row, START, executor.start_date)
        _put_date(sheet, row, END, executor.end_date)
        _put(sheet, row, RESPONSIBLE, executor.responsible)


def _write_footnotes(sheet: Worksheet, footnotes: list[ExportFootnote], row: int) -> int:
    """Writes the footnotes from `row` on; returns the last row used."""
    for footnote in footnotes:
        value = CellRichText(
            TextBlock(_inline(FOOTNOTE_PT, superscript=True), footnote.mark),
            TextBlock(_inline(FOOTNOTE_PT), f" {footnote.text}"),
        )
        _put(sheet, row, NUMBER, value, size=FOOTNOTE_PT)
        _merge(sheet, row, NUMBER, row, LAST_COLUMN)
        text = f"{footnote.mark} {footnote.text}"
        sheet.row_dimensions[row].height = _height([text], [sum(COLUMN_WIDTHS)], FOOTNOTE_PT)
        row += 1
    return row - 1


def _text(
    plan_row: ExportRow, *, bold: bool = False, text: str | None = None
) -> CellRichText | str:
    text = plan_row.text if text is None else text
    if not plan_row.footnote_marks:
        return text
    return CellRichText(
        TextBlock(_inline(TABLE_PT, bold=bold), text),
        TextBlock(
            _inline(TABLE_PT, bold=bold, superscript=True), marks_label(plan_row.footnote_marks)
        ),
    )


def _put(
    sheet: Worksheet,
    row: int,
    column: int,
    value: CellRichText | str,
    *,
    size: int = TABLE_PT,
    bold: bool = False,
    italic: bool = False,
    align: Alignment = TOP_LEFT,
) -> None:
    cell = sheet.cell(row, column)
    cell.value = value
    cell.font = _font(size, bold=bold, italic=italic)
    cell.alignment = align


def _put_date(sheet: Worksheet, row: int, column: int, value: date | None) -> None:
    cell = sheet.cell(row, column)
    cell.value = value
    cell.number_format = DATE_FORMAT
    cell.font = _font(TABLE_PT)
    cell.alignment = TOP_CENTER


def _merge(sheet: Worksheet, first_row: int, first_column: int, last_row: int, col: int) -> None:
    if (first_row, first_column) != (last_row, col):
        sheet.merge_cells(
            start_row=first_row, start_column=first_column, end_row=last_row, end_column=col
        )


def _draw_grid(sheet: Worksheet, first_row: int, last_row: int) -> None:
    for row in sheet.iter_rows(min_row=first_row, max_row=last_row, max_col=LAST_COLUMN):
        for cell in row:
            cell.border = GRID


def _font(size: int, *, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic)


def _inline(size: int, *, bold: bool = False, superscript: bool = False) -> InlineFont:
    return InlineFont(
        rFont=FONT, sz=size, b=bold or None, vertAlign="superscript" if superscript else None
    )


def _chars(width: float, size: int = TABLE_PT) -> int:
    return layout.capacity(width * TABLE_PT / size, CHARS_PER_UNIT)


def _height(texts: list[str], widths: list[float], size: int = TABLE_PT) -> float:
    """Row height in points fitting the tallest of `texts` wrapped in columns of `widths`."""
    lines = max(
        layout.line_count(text, _chars(width, size))
        for text, width in zip(texts, widths, strict=True)
    )
    return lines * LINE_PT * size / TABLE_PT + PADDING_PT


def _row_height(sheet: Worksheet, row: int) -> float:
    return sheet.row_dimensions[row].height or DEFAULT_ROW_PT


def page_body_pt() -> float:
    """The height a page holds for rows, in sheet points, at the scale that fits its width."""
    scale = layout.landscape_fit_scale(list(COLUMN_WIDTHS), side_margins_in=SIDE_MARGIN_IN)
    margins = (TOP_MARGIN_IN + BOTTOM_MARGIN_IN) * layout.POINTS_PER_INCH
    return (layout.A4_SHORT_PT - margins) / scale * PAGE_FILL


def _break_pages(sheet: Worksheet, header_row: int, blocks: list[Block]) -> None:
    """Manual breaks where the rows fill a page, never right after a section or group header."""
    page = page_body_pt()
    repeated = _row_height(sheet, header_row)
    used = sum(_row_height(sheet, r) for r in range(1, header_row + 1))
    units: list[list[Block]] = []
    pending: list[Block] = []
    for block in blocks:
        pending.append(block)
        if not block.header:
            units.append(pending)
            pending = []
    if pending:
        units.append(pending)
    for unit in units:
        rows = list(range(unit[0].first, unit[-1].last + 1))
        heights = [_row_height(sheet, r) for r in rows]
        # headers go with their item, all of it when a page can hold it, else its first row
        kept = unit[-1].last if sum(heights) <= page - repeated else unit[-1].first
        keep = sum(h for r, h in zip(rows, heights, strict=True) if r <= kept)
        if used + keep > page and used > repeated:
            sheet.row_breaks.append(Break(id=rows[0] - 1))
            used = repeated
        for row, height in zip(rows, heights, strict=True):
            if row > kept and used + height > page:
                sheet.row_breaks.append(Break(id=row - 1))
                used = repeated
            used += height


def _set_up_print(sheet: Worksheet, header_row: int, last_row: int) -> None:
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{get_column_letter(LAST_COLUMN)}{last_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = SIDE_MARGIN_IN
    margins.top, margins.bottom = TOP_MARGIN_IN, BOTTOM_MARGIN_IN
    margins.header = margins.footer = 0.3
    footer = sheet.oddFooter
    assert footer is not None
    footer.center.text = "&P"
