"""The report on A4 pages with fpdf2 (pure Python): DejaVu Sans from matplotlib's own fonts for
Cyrillic, the charts as PNG images, tables drawn natively."""

import io
from collections.abc import Sequence
from functools import cache

from fontTools.ttLib import TTFont
from fpdf import FPDF, FontFace
from fpdf.enums import Align, TableBordersLayout

from otklik_kit.pdf import FONT, FONT_FILES, add_fonts, font_path, written
from reporting_worker.reports.render.charts import Chart
from reporting_worker.reports.render.style import INK, MUTED, PRIMARY, hex_rgb, tint
from reporting_worker.reports.render.tables import Kind, Table, format_value, is_numeric
from reporting_worker.reports.render.view import Metric, PainMap, ReportView, Section

MARGIN = 14.0
CHART_DPI = 170
TABLE_FONT_SIZE = 7.5
MIN_TABLE_FONT_SIZE = 5.0
PADDING = 3.0  # mm of a cell's left and right padding together
PAIN_COLUMNS_PER_TABLE = 5


@cache
def _printable() -> frozenset[int]:
    """Code points the font can draw: anything else (emoji in a quote) would be a blank box."""
    with TTFont(font_path(FONT_FILES[""]), lazy=True) as font:
        return frozenset(font.getBestCmap())


def _clean(text: str) -> str:
    printable = _printable()
    return "".join(char if ord(char) in printable else "" for char in text)


class _Document(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self._footer_text = footer_text
        add_fonts(self)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 4)
        self.set_text_color(*hex_rgb(INK))

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*hex_rgb(MUTED))
        room = self.epw - 28
        text = _clean(self._footer_text)
        while self.get_string_width(text) > room and len(text) > 1:
            text = text[: int(len(text) * 0.9)].rstrip() + "…"
        self.cell(room, 5, text, align=Align.L)
        self.cell(28, 5, f"Стр. {self.page_no()} из {{nb}}", align=Align.R)
        self.set_text_color(*hex_rgb(INK))

    def paragraph(self, text: str, *, size: float = 10, style: str = "", gap: float = 1.5) -> None:
        self.set_font(FONT, style, size)
        self.multi_cell(0, size * 0.48, _clean(text), new_x="LMARGIN", new_y="NEXT", align="L")
        self.ln(gap)

    def heading(self, text: str, *, keep_with: float = 40) -> None:
        # a heading never ends a page alone: it starts the next one with what it introduces
        if self.will_page_break(12 + keep_with):
            self.add_page()
        self.ln(3)
        self.set_font(FONT, "B", 13)
        self.set_text_color(*hex_rgb(PRIMARY))
        self.multi_cell(0, 7, _clean(text), new_x="LMARGIN", new_y="NEXT", align="L")
        self.set_draw_color(*hex_rgb("#d9e2ec"))
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.set_text_color(*hex_rgb(INK))
        self.ln(2)

    def chart(self, chart: Chart) -> None:
        width = self.epw
        inches_wide, inches_high = chart.figure.get_size_inches()
        height = width * inches_high / inches_wide
        if self.will_page_break(height):
            self.add_page()
        self.image(
            io.BytesIO(chart.png(CHART_DPI)), x=self.l_margin, w=width, alt_text=chart.description
        )
        self.ln(2)

    def table_font_size(self, table: Table, texts: list[list[str]]) -> float:
        """The largest size, down to MIN_TABLE_FONT_SIZE, at which every header word and every
        number fits its column on one line: a wide table gets smaller type, never a header
        broken mid-word."""
        size = TABLE_FONT_SIZE
        while size > MIN_TABLE_FONT_SIZE:
            if sum(self.column_widths(table, texts, size)) <= self.epw:
                break
            size -= 0.5
        return size

    def column_widths(
        self, table: Table, texts: list[list[str]], size: float = TABLE_FONT_SIZE
    ) -> list[float]:
        """Widths (mm) from the content: numbers and header words never break; text columns
        share what is left in proportion to their longest cell."""
        padding = PADDING
        self.set_font(FONT, "B", size)
        floors = [
            max(self.get_string_width(word) for word in column.header.split()) + padding
            for column in table.columns
        ]
        self.set_font(FONT, "", size)
        wants = []
        rigid = [is_numeric(column.kind) or column.kind == Kind.DATE for column in table.columns]
        for index in range(len(table.columns)):
            cells = [row[index] for row in texts]
            if rigid[index]:
                floors[index] = max(
                    [floors[index], *(self.get_string_width(c) + padding for c in cells)]
                )
                wants.append(floors[index])
            else:
                words = [word for cell in cells for word in cell.split()]
                floors[index] = max(
                    [floors[index], *(min(self.get_string_width(w) + padding, 40) for w in words)]
                )
                longest = max([0.0, *(self.get_string_width(c) + padding for c in cells)])
                wants.append(max(floors[index], min(longest, 80.0)))
        spare = self.epw - sum(wants)
        if spare >= 0:  # everything fits on one line: spread the rest evenly
            return [want + spare / len(wants) for want in wants]
        fixed = sum(floor for floor, keep in zip(floors, rigid, strict=True) if keep)
        flexible = [index for index, keep in enumerate(rigid) if not keep]
        room = self.epw - fixed
        total_want = sum(wants[i] for i in flexible) or 1.0
        widths = list(floors)
        for i in flexible:
            widths[i] = max(floors[i], room * wants[i] / total_want)
        return widths

    def data_table(self, table: Table) -> None:
        self.set_font(FONT, "B", 9.5)
        if self.will_page_break(min(22 + 5 * len(table.rows), 60)):
            self.add_page()
        self.multi_cell(0, 5, _clean(table.title), new_x="LMARGIN", new_y="NEXT", align="L")
        texts = [
            [
                _clean(format_value(column.kind, value))
                for column, value in zip(table.columns, row, strict=True)
            ]
            for row in table.rows
        ]
        size = self.table_font_size(table, texts)
        widths = self.column_widths(table, texts, size)
        self.set_font(FONT, "", size)
        self.set_fill_color(255, 255, 255)
        aligns = tuple("RIGHT" if is_numeric(column.kind) else "LEFT" for column in table.columns)
        headings = FontFace(emphasis="BOLD", fill_color=hex_rgb("#eef2f6"))
        with self.table(
            col_widths=tuple(widths),
            width=min(sum(widths), self.epw - 0.01),
            align="LEFT",
            text_align=aligns,
            borders_layout=TableBordersLayout.HORIZONTAL_LINES,
            headings_style=headings,
            line_height=4.2,
            padding=(0.8, 1.2),
        ) as grid:
            header = grid.row()
            for column in table.columns:
                header.cell(_clean(column.header))
            for index, cells in enumerate(texts):
                color = table.row_colors[index] if index < len(table.row_colors) else None
                style = FontFace(fill_color=hex_rgb(tint(color))) if color else None
                row = grid.row(style=style)
                for text in cells:
                    row.cell(text)
        if table.note:
            self.paragraph(table.note, size=7.5, style="I")
        self.ln(2)


def _metrics(document: _Document, metrics: Sequence[Metric]) -> None:
    per_row = 4
    width = document.epw / per_row
    for start in range(0, len(metrics), per_row):
        if document.will_page_break(20):
            document.add_page()
        top = document.get_y()
        for offset, metric in enumerate(metrics[start : start + per_row]):
            x = document.l_margin + offset * width
            document.set_draw_color(*hex_rgb("#d9e2ec"))
            document.rect(x + 1, top, width - 2, 19)
            document.set_xy(x + 3, top + 1.5)
            document.set_font(FONT, "", 7.5)
            document.set_text_color(*hex_rgb(MUTED))
            document.cell(width - 6, 3.8, _clean(metric.label))
            document.set_xy(x + 3, top + 5.5)
            document.set_font(FONT, "B", 14)
            document.set_text_color(*hex_rgb(INK))
            document.cell(width - 6, 7, _clean(metric.shown))
            if metric.change_text:
                document.set_xy(x + 3, top + 13)
                document.set_font(FONT, "", 7.5)
                tone = {"better": "#2e7d32", "worse": "#c62828"}.get(metric.tone, MUTED)
                document.set_text_color(*hex_rgb(tone))
                document.cell(width - 6, 4, _clean(metric.change_text))
                document.set_text_color(*hex_rgb(INK))
        document.set_xy(document.l_margin, top + 21)


def _pain_map(document: _Document, pain: PainMap) -> None:
    document.paragraph(pain.note, size=8, style="I")
    # wide grids are split into several tables so the cells stay legible on A4
    for start in range(0, len(pain.columns), PAIN_COLUMNS_PER_TABLE):
        columns = pain.columns[start : start + PAIN_COLUMNS_PER_TABLE]
        document.set_font(FONT, "", 7.5)
        if document.will_page_break(30):
            document.add_page()
        first_width = 46.0
        other = (document.epw - first_width) / PAIN_COLUMNS_PER_TABLE
        with document.table(
            col_widths=(first_width, *([other] * len(columns))),
            width=first_width + other * len(columns),
            align="LEFT",
            text_align=("LEFT", *(["CENTER"] * len(columns))),
            headings_style=FontFace(emphasis="BOLD", fill_color=hex_rgb("#eef2f6")),
            line_height=3.8,
            padding=1,
        ) as grid:
            header = grid.row()
            header.cell("Этап \\ точка")
            for column in columns:
                header.cell(_clean(column))
            for stage in pain.rows:
                row = grid.row()
                row.cell(_clean(stage))
                for column in columns:
                    cell = pain.cell(stage, column)
                    if cell is None:
                        row.cell("—", style=FontFace(color=hex_rgb("#b0bac5")))
                    else:
                        text = f"{cell.csat}\nср. {cell.average} · {cell.responses}"
                        row.cell(text, style=FontFace(fill_color=hex_rgb(tint(cell.color))))
        document.ln(3)
    for number, cell in enumerate(pain.worst, start=1):
        if document.will_page_break(24):
            document.add_page()
        document.set_fill_color(*hex_rgb(cell.color))
        document.rect(document.l_margin, document.get_y() + 0.8, 1.6, 4.5, style="F")
        document.set_fill_color(255, 255, 255)
        document.set_x(document.l_margin + 3)
        document.paragraph(f"{number}. {cell.row} — {cell.column}", size=9.5, style="B", gap=0.5)
        facts = f"CSAT {cell.csat}, средняя оценка {cell.average}, ответов: {cell.responses}"
        document.paragraph(facts, size=8.5, gap=0.5)
        for line in cell.details:
            document.paragraph(_clean(line), size=8.5, gap=0.5)
        if cell.categories:
            document.paragraph("Ведущие проблемы: " + "; ".join(cell.categories), size=8.5, gap=0.5)
        for quote in cell.quotes:
            document.set_x(document.l_margin + 5)
            document.set_text_color(*hex_rgb("#3e4c59"))
            document.set_font(FONT, "I", 8.5)
            document.multi_cell(
                document.epw - 5, 4, _clean(f"«{quote}»"), new_x="LMARGIN", new_y="NEXT", align="L"
            )
            document.set_text_color(*hex_rgb(INK))
        document.ln(2.5)


def _section(document: _Document, section: Section) -> None:
    document.heading(section.title)
    for text in section.paragraphs:
        document.paragraph(text)
    if section.chart is not None:
        document.chart(section.chart)
    for table in section.tables:
        if table.in_document:
            document.data_table(table)
    if section.pain_map is not None:
        _pain_map(document, section.pain_map)


def render_pdf(view: ReportView) -> bytes:
    document = _Document(f"{view.title}. {view.subject}, {view.period}")
    document.set_title(_clean(f"{view.title} — {view.subject}, {view.period}"))
    document.set_lang("ru")
    document.set_creator("Отклик")
    document.add_page()
    document.paragraph(view.title, size=17, style="B", gap=1)
    document.set_text_color(*hex_rgb(PRIMARY))
    document.paragraph(view.subject, size=12.5, gap=1)
    document.set_text_color(*hex_rgb(MUTED))
    document.paragraph(
        f"Период: {view.period}. Сравнение с: {view.previous_period}. Сформирован: {view.created}",
        size=9,
        gap=3,
    )
    document.set_text_color(*hex_rgb(INK))
    document.heading("Основные выводы", keep_with=20)
    for sentence in view.conclusions or ["За период недостаточно данных для выводов."]:
        document.set_x(document.l_margin + 2)
        document.paragraph(f"•  {sentence}", size=10, gap=0.8)
    document.ln(3)
    if view.warnings:
        document.set_text_color(*hex_rgb("#b45309"))
        document.paragraph("Ограничения данных: " + " ".join(view.warnings), size=8.5, gap=2)
        document.set_text_color(*hex_rgb(INK))
    _metrics(document, view.metrics)
    for section in view.sections:
        _section(document, section)
    return written(document)
