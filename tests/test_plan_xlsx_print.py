"""The plan XLSX prints whole: no row over Excel's 409 pt, no header alone at a page's foot."""

import io
import itertools
from datetime import date

import httpx
import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from plans_api.exports import layout
from plans_api.exports.document import ExportExecutor, ExportRow, PlanDocument
from plans_api.exports.xlsx_export import PAGE_FILL, page_body_pt, render_xlsx
from tests.plan_helpers import generated_plan

WORDS = ("Проведение", "анализа", "обращений", "заявителей", "по", "вопросам", "услуги")
LONG_TEXT = " ".join(WORDS[i % len(WORDS)] for i in range(700))[:5000]


def _sheet(content: bytes) -> Worksheet:
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    assert isinstance(sheet, Worksheet)
    return sheet


def _rows_of_item(sheet: Worksheet, number: str) -> range:
    first = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == number)
    merged = next(
        (m for m in sheet.merged_cells.ranges if m.min_col == 1 and m.min_row == first), None
    )
    return range(first, (merged.max_row if merged else first) + 1)


def _squeezed(text: str) -> str:
    return "".join(text.split())


async def test_a_5000_character_item_is_continued_below_never_cut(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    assert len(LONG_TEXT) == 5000
    plan = await generated_plan(plans, admin_headers)
    added = await plans.post(
        f"/api/v1/plans/{plan['id']}/items",
        json={"section": "3", "text": LONG_TEXT, "result": "Отчет о реализации " * 100},
        headers=admin_headers,
    )
    assert added.status_code == 201, added.text
    number = next(r["number"] for r in added.json()["rows"] if r["text"] == LONG_TEXT)

    response = await plans.get(f"/api/v1/plans/{plan['id']}/export.xlsx", headers=admin_headers)

    sheet = _sheet(response.content)
    rows = _rows_of_item(sheet, f"{number}.")
    assert len(rows) >= 2
    heights = [sheet.row_dimensions[r].height for r in range(1, sheet.max_row + 1)]
    assert all(h is None or h <= layout.MAX_ROW_PT for h in heights)
    printed = "".join(str(sheet.cell(r, 2).value or "") for r in rows)
    assert _squeezed(printed) == _squeezed(LONG_TEXT)
    result = "".join(str(sheet.cell(r, 6).value or "") for r in rows)
    assert _squeezed(result) == _squeezed("Отчет о реализации " * 100)


def _plan(item_lines: int) -> PlanDocument:
    """Sections of one group and three items each; items of `item_lines` lines of text."""
    executor = ExportExecutor(
        start_date=date(2024, 1, 9), end_date=date(2024, 3, 29), responsible="Отдел услуг"
    )
    text = " ".join(["Мероприятие по улучшению качества услуги"] * (item_lines * 2))
    rows = []
    for section in range(1, 13):
        rows.append(ExportRow(number=str(section), kind="section", text="Раздел", result=""))
        rows.append(ExportRow(number=f"{section}.1", kind="group", text="Группа", result="Отчет"))
        for item in range(1, 4):
            rows.append(
                ExportRow(
                    number=f"{section}.1.{item}",
                    kind="item",
                    text=text,
                    result="Ведомственный акт",
                    executors=[executor],
                )
            )
    return PlanDocument(
        title="План мероприятий по оптимизации",
        agency_name="Министерство",
        service_title="Услуга",
        approving_official=None,
        document_number=None,
        document_date=None,
        status_label="Проект",
        rows=rows,
        footnotes=[],
    )


def _pages(sheet: Worksheet) -> list[list[int]]:
    """The sheet's rows page by page, as its manual breaks cut them."""
    breaks = sorted(b.id for b in sheet.row_breaks.brk)
    last = max(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value is not None)
    bounds = [0, *breaks, last]
    return [list(range(a + 1, b + 1)) for a, b in itertools.pairwise(bounds)]


@pytest.mark.parametrize("item_lines", [1, 2, 3, 5, 8])
def test_section_and_group_headers_start_a_page_with_their_first_item(item_lines: int) -> None:
    sheet = _sheet(render_xlsx(_plan(item_lines)))
    header_row = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "№ п/п")
    # «3.» is a section, «3.1.» a group, «3.1.2.» an item
    headers = {
        r
        for r in range(header_row + 1, sheet.max_row + 1)
        if str(sheet.cell(r, 1).value or "").count(".") in (1, 2)
    }

    pages = _pages(sheet)

    assert len(pages) >= 2
    true_page = page_body_pt() / PAGE_FILL
    for index, rows in enumerate(pages):
        assert rows[-1] not in headers, f"page {index + 1} ends with header row {rows[-1]}"
        repeated = sheet.row_dimensions[header_row].height if index else 0
        total = repeated + sum(sheet.row_dimensions[r].height or 15 for r in rows)
        assert total <= true_page, f"page {index + 1} overflows: {total} > {true_page}"


def test_plan_prints_on_a4_landscape_fitted_to_width_at_a_readable_size() -> None:
    sheet = _sheet(render_xlsx(_plan(2)))
    header_row = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "№ п/п")

    setup = sheet.page_setup
    assert (setup.orientation, str(setup.paperSize)) == ("landscape", "9")  # 9: A4
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == f"${header_row}:${header_row}"
    widths = [sheet.column_dimensions[c].width for c in "ABCDEF"]
    scale = layout.landscape_fit_scale(widths, side_margins_in=sheet.page_margins.left)
    for row in sheet.iter_rows(min_row=header_row):
        for cell in row:
            if cell.value is not None:
                assert cell.font.size * scale >= 9, (cell.coordinate, cell.font.size, scale)
