"""The plan as a DOCX document in the official form: A4 landscape, approval stamp, one table.

An item with several executors takes one table row per executor, its number, text and result
merged down across them: Word cannot line up stacked paragraphs of neighbouring cells once the
responsible wraps, a row can.
"""

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from plans_api.exports.document import (
    TABLE_HEADER,
    ExportExecutor,
    ExportFootnote,
    ExportRow,
    PlanDocument,
    approval_lines,
    format_date,
    marks_label,
    number_label,
)

FONT = "Times New Roman"
BODY_PT = 12
TABLE_PT = 11
FOOTNOTE_PT = 10
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 297, 210
MARGINS_MM = {"left": 30, "right": 15, "top": 20, "bottom": 15}
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]
COLUMN_WIDTHS_MM = (16, 80, 23, 23, 58, 52)
APPROVAL_WIDTH_MM = 95
SHADE = "E7E6E6"
TABLE_STYLE = "Plan Table"
FOOTNOTE_STYLE = "Plan Footnote"

NUMBER, TEXT, START, END, RESPONSIBLE, RESULT = range(6)

assert sum(COLUMN_WIDTHS_MM) == TEXT_WIDTH_MM


def render_docx(doc: PlanDocument) -> bytes:
    document = Document()
    _set_up_page(document, doc.status_label)
    _set_up_styles(document)
    _add_approval(document, doc)
    _add_title(document, doc)
    _add_table(document, doc.rows)
    _add_footnotes(document, doc.footnotes)
    document.core_properties.title = doc.title
    document.core_properties.subject = doc.service_title
    document.core_properties.author = doc.agency_name
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_up_page(document: DocxDocument, status_label: str) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.header_distance = section.footer_distance = Mm(8)
    status = section.header.paragraphs[0]
    status.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    mark = status.add_run(status_label)
    mark.italic = True
    mark.font.size = Pt(FOOTNOTE_PT)
    mark.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    page = section.footer.paragraphs[0]
    page.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page._p.append(_page_number_field())


def _page_number_field() -> object:
    field = OxmlElement("w:fldSimple", {qn("w:instr"): "PAGE"})
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    return field


def _set_up_styles(document: DocxDocument) -> None:
    _set_document_defaults(document)
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _use_font(normal, BODY_PT)
    normal.paragraph_format.space_before = normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for name, size in ((TABLE_STYLE, TABLE_PT), (FOOTNOTE_STYLE, FOOTNOTE_PT)):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(style, ParagraphStyle)
        style.base_style = normal
        _use_font(style, size)
    table_text = document.styles[TABLE_STYLE]
    assert isinstance(table_text, ParagraphStyle)
    table_text.paragraph_format.space_after = Pt(2)


def _set_document_defaults(document: DocxDocument) -> None:
    """Every style, the table's and the header's included, inherits Russian Times New Roman."""
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
    properties = defaults.find(qn("w:rPr")) if defaults is not None else None
    if properties is None:
        return
    fonts = properties.find(qn("w:rFonts"))
    if fonts is not None:
        fonts.attrib.clear()
        for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(script), FONT)
    language = properties.find(qn("w:lang"))
    if language is not None:
        language.set(qn("w:val"), "ru-RU")
        language.set(qn("w:eastAsia"), "ru-RU")


def _use_font(style: ParagraphStyle, size: int) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)


def _add_approval(document: DocxDocument, doc: PlanDocument) -> None:
    indent = Mm(TEXT_WIDTH_MM - APPROVAL_WIDTH_MM)
    for index, line in enumerate(approval_lines(doc)):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.left_indent = indent
        paragraph.paragraph_format.space_after = Pt(6 if index == 0 else 0)
        paragraph.add_run(line)


def _add_title(document: DocxDocument, doc: PlanDocument) -> None:
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(18)
    title.add_run(doc.title).bold = True
    agency = document.add_paragraph(doc.agency_name)
    agency.alignment = WD_ALIGN_PARAGRAPH.CENTER
    agency.paragraph_format.space_after = Pt(12)


def _add_table(document: DocxDocument, rows: list[ExportRow]) -> None:
    table = document.add_table(rows=1, cols=len(TABLE_HEADER))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, COLUMN_WIDTHS_MM, strict=True):
        column.width = Mm(width)
    header = table.rows[0]
    _keep_row_whole(header, repeat_as_header=True)
    for cell, label in zip(header.cells, TABLE_HEADER, strict=True):
        _write(cell, label, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for row in rows:
        if row.kind == "section":
            _add_section(table, row)
        elif row.kind == "group":
            _add_group(table, row)
        else:
            _add_item(table, row)


def _add_section(table: Table, row: ExportRow) -> None:
    table_row = _new_row(table)
    cells = table_row.cells
    text = cells[TEXT].merge(cells[RESULT])
    _write(cells[NUMBER], number_label(row.number), bold=True)
    _write(text, row.text, bold=True, marks=row.footnote_marks)
    for cell in (cells[NUMBER], text):
        _shade(cell)
    _keep_with_next(table_row)


def _add_group(table: Table, row: ExportRow) -> None:
    table_row = _new_row(table)
    cells = table_row.cells
    text = cells[TEXT].merge(cells[RESPONSIBLE])
    _write(cells[NUMBER], number_label(row.number), bold=True)
    _write(text, row.text, bold=True, marks=row.footnote_marks)
    _write(cells[RESULT], row.result)
    _keep_with_next(table_row)


def _add_item(table: Table, row: ExportRow) -> None:
    executors: list[ExportExecutor | None] = [*row.executors] or [None]
    table_rows = [_new_row(table) for _ in executors]
    lines = [table_row.cells for table_row in table_rows]
    for executor, cells in zip(executors, lines, strict=True):
        if executor is not None:
            centered = WD_ALIGN_PARAGRAPH.CENTER
            _write(cells[START], format_date(executor.start_date), align=centered)
            _write(cells[END], format_date(executor.end_date), align=centered)
            _write(cells[RESPONSIBLE], executor.responsible)
    first, last = lines[0], lines[-1]
    number, text, result = (first[i].merge(last[i]) for i in (NUMBER, TEXT, RESULT))
    _write(number, number_label(row.number))
    _write(text, row.text, marks=row.footnote_marks)
    _write(result, row.result)
    for table_row in table_rows[:-1]:
        _keep_with_next(table_row)


def _new_row(table: Table) -> _Row:
    row: _Row = table.add_row()  # type: ignore[no-untyped-call]  # unannotated in python-docx
    _keep_row_whole(row, repeat_as_header=False)
    for cell in row.cells:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    return row


def _keep_row_whole(row: _Row, *, repeat_as_header: bool) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if repeat_as_header:
        properties.append(OxmlElement("w:tblHeader"))


def _keep_with_next(row: _Row) -> None:
    """A header row never ends a page, nor does an item part-way through its executors."""
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _write(
    cell: _Cell,
    text: str,
    *,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT,
    marks: list[str] | None = None,
) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = TABLE_STYLE
    paragraph.alignment = align
    paragraph.add_run(text).bold = bold
    if marks:
        _add_mark(paragraph, marks_label(marks), bold=bold)


def _add_mark(paragraph: Paragraph, mark: str, *, bold: bool = False) -> None:
    run = paragraph.add_run(mark)
    run.font.superscript = True
    run.bold = bold


def _shade(cell: _Cell) -> None:
    shading = OxmlElement(
        "w:shd", {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): SHADE}
    )
    cell._tc.get_or_add_tcPr().insert_element_before(
        shading, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )


def _add_footnotes(document: DocxDocument, footnotes: list[ExportFootnote]) -> None:
    for index, footnote in enumerate(footnotes):
        paragraph = document.add_paragraph(style=FOOTNOTE_STYLE)
        paragraph.paragraph_format.space_before = Pt(12 if index == 0 else 2)
        _add_mark(paragraph, footnote.mark)
        paragraph.add_run(f" {footnote.text}")
