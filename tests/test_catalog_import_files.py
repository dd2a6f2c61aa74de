"""A broken import file is a 422 naming the file's problem, never a 500 or a 503 outage."""

import io
import os
import zipfile

import httpx
import pytest
from docx import Document
from openpyxl import Workbook

from tests.catalog_helpers import create_agency

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(rows: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _docx() -> bytes:
    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def _broken_part() -> bytes:
    """A valid zip holding an XLSX whose workbook part is not XML."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_xlsx([["title"]]))) as source,
        zipfile.ZipFile(buffer, "w") as target,
    ):
        for name in source.namelist():
            data = b"<<not xml" if name == "xl/workbook.xml" else source.read(name)
            target.writestr(name, data)
    return buffer.getvalue()


RANDOM = os.urandom(4096)
BROKEN = {
    "random_bytes_as_csv": ("services.csv", RANDOM, "text/csv", "binary"),
    "random_bytes_as_xlsx": ("services.xlsx", RANDOM, XLSX, "binary"),
    "truncated_xlsx": ("services.xlsx", _xlsx([["title"]] * 50)[:700], XLSX, "corrupt_file"),
    "zip_with_random_tail": ("services.xlsx", b"PK\x03\x04" + RANDOM, XLSX, "corrupt_file"),
    "docx_renamed_xlsx": ("services.xlsx", _docx(), XLSX, "wrong_format"),
    "xlsx_with_a_broken_part": ("services.xlsx", _broken_part(), XLSX, "corrupt_file"),
    "old_xls": ("services.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + RANDOM, XLSX, "wrong_format"),
    "pdf_as_csv": ("services.csv", b"%PDF-1.7\n" + RANDOM, "text/csv", "wrong_format"),
    "empty": ("services.csv", b"", "text/csv", "empty"),
    "blank_lines_only": ("services.csv", b"\r\n\r\n  \n", "text/csv", "empty"),
    "utf16_without_bom": (
        "services.csv",
        "agency_id;title".encode("utf-16-le"),
        "text/csv",
        "encoding",
    ),
    "neither_utf8_nor_cp1251": (
        "services.csv",
        b"agency_id;title\n\x98\xff\x98",
        "text/csv",
        "encoding",
    ),
    "nul_bytes_in_csv": (
        "services.csv",
        b"agency_id;title\n" + b"\x00\x01\x02" * 100,
        "text/csv",
        "binary",
    ),
    "field_over_the_csv_limit": (
        "services.csv",
        b'title\n"' + b"a" * 200_000 + b'"\n',
        "text/csv",
        "bad_csv",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
async def test_broken_import_file_is_422_naming_the_file(
    plans: httpx.AsyncClient, admin_headers: dict[str, str], case: str
) -> None:
    name, content, media_type, expected_type = BROKEN[case]

    response = await plans.post(
        "/api/v1/services/import",
        files={"file": (name, content, media_type)},
        headers=admin_headers,
    )

    assert response.status_code == 422, response.text
    assert "retry-after" not in response.headers
    error = response.json()["errors"][0]
    assert error["field"] == "file"
    if expected_type is not None:
        assert error["type"] == expected_type
    assert any("а" <= ch <= "я" for ch in error["message"])  # said in Russian


async def test_utf16_csv_with_a_bom_is_read(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    agency = await create_agency(plans, admin_headers)
    text = f"agency_id;title;direction;stages\n{agency};Выдача справок;state_services;result\n"

    response = await plans.post(
        "/api/v1/services/import",
        files={"file": ("services.csv", text.encode("utf-16"), "text/csv")},
        headers=admin_headers,
    )

    assert response.status_code == 201, response.text
    assert response.json()["created"] == 1


async def test_docx_renamed_xlsx_is_named_as_a_word_document(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await plans.post(
        "/api/v1/services/import",
        files={"file": ("services.xlsx", _docx(), XLSX)},
        headers=admin_headers,
    )

    assert "Word" in response.json()["errors"][0]["message"]


async def test_xlsx_that_unpacks_into_too_much_is_refused_unread(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (201 * 2**20))

    response = await plans.post(
        "/api/v1/services/import",
        files={"file": ("services.xlsx", buffer.getvalue(), XLSX)},
        headers=admin_headers,
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["type"] == "too_large"
