"""Reading an uploaded table (CSV or XLSX) into rows of text, or saying plainly what is wrong.

A broken upload is the client's mistake: each kind of breakage is a 422 on the field `file` with
a message an operator can act on (in Russian, as it is shown to them), never a 500 or a 503.
"""

import csv
import io
import zipfile
from collections.abc import Iterator

from openpyxl import load_workbook

from otklik_kit.errors import UnprocessableEntity

ZIP_MAGIC = b"PK\x03\x04"
# the formats people send instead of a table, by their first bytes
FOREIGN_FORMATS = (
    (b"\xd0\xcf\x11\xe0", "документ старого формата Microsoft Office (XLS или DOC)"),
    (b"%PDF", "документ PDF"),
    (b"\x89PNG", "изображение PNG"),
    (b"\xff\xd8\xff", "изображение JPEG"),
    (b"{\\rtf", "документ RTF"),
)
SAVE_AS = "Сохраните таблицу как XLSX или CSV (UTF-8 или Windows-1251)."
MAX_UNPACKED_BYTES = 200 * 2**20
# share of control characters above which a "CSV" is binary data, not text
MAX_CONTROL_SHARE = 0.01


def bad_file(message: str, type_: str) -> UnprocessableEntity:
    return UnprocessableEntity.for_field("file", message, type_=type_)


def read_table(raw: bytes, *, max_rows: int) -> list[list[str]]:
    """The file's rows (the header first), stopping after `max_rows` + 1 non-empty rows."""
    if not raw.strip():
        raise bad_file("Файл пуст", "empty")
    for magic, what in FOREIGN_FORMATS:
        if raw.startswith(magic):
            raise bad_file(f"Загружен {what}, а не таблица. {SAVE_AS}", "wrong_format")
    source = _xlsx_rows(raw) if raw.startswith(ZIP_MAGIC) else _csv_rows(raw)
    rows: list[list[str]] = []
    filled = 0
    for values in source:
        rows.append(values)
        filled += any(v.strip() for v in values)
        if filled > max_rows + 1:
            break
    if not rows:
        raise bad_file("Файл пуст", "empty")
    return rows


def _archive(raw: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError):
        raise bad_file(
            f"Файл XLSX повреждён или загружен не полностью (архив обрезан). {SAVE_AS}",
            "corrupt_file",
        ) from None
    # the sizes the archive declares: a small upload must not unpack into gigabytes
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
        raise bad_file(
            f"Файл XLSX распаковывается больше чем в {MAX_UNPACKED_BYTES // 2**20} МБ. "
            "Разделите таблицу на несколько файлов.",
            "too_large",
        )
    return archive


def _xlsx_rows(raw: bytes) -> Iterator[list[str]]:
    names = set(_archive(raw).namelist())
    if "xl/workbook.xml" not in names:
        what = (
            "документ Word (DOCX)"
            if "word/document.xml" in names
            else "презентация PowerPoint (PPTX)"
            if "ppt/presentation.xml" in names
            else "документ OpenDocument"
            if "content.xml" in names
            else "ZIP-архив"
        )
        raise bad_file(f"Загружен {what}, а не таблица Excel. {SAVE_AS}", "wrong_format")
    try:
        sheet = load_workbook(io.BytesIO(raw), read_only=True, data_only=True).worksheets[0]
        # openpyxl fails on a malformed part in many ways (KeyError, XML and zlib errors…)
        for values in sheet.iter_rows(values_only=True):
            yield ["" if v is None else str(v).strip() for v in values]
    except UnprocessableEntity:
        raise
    except Exception as exc:
        raise bad_file(
            f"Файл XLSX повреждён: его не удаётся прочитать как таблицу Excel. {SAVE_AS}",
            "corrupt_file",
        ) from exc


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if raw.count(b"\x00") > len(raw) // 4 and raw[1::2].count(b"\x00") > len(raw) // 4:
        raise bad_file(f"Файл в кодировке UTF-16 без метки порядка байтов. {SAVE_AS}", "encoding")
    control = sum(1 for byte in raw if byte < 0x20 and byte not in b"\t\r\n")
    if control > len(raw) * MAX_CONTROL_SHARE:
        raise bad_file(f"Файл не является таблицей: в нём двоичные данные. {SAVE_AS}", "binary")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1251")
    except UnicodeDecodeError:
        raise bad_file(
            f"Кодировка файла не распознана: это не UTF-8 и не Windows-1251. {SAVE_AS}",
            "encoding",
        ) from None


def _csv_rows(raw: bytes) -> Iterator[list[str]]:
    text = _decode(raw)
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as exc:
        raise bad_file(
            f"Строка {reader.line_num}: файл CSV не читается ({exc}). {SAVE_AS}", "bad_csv"
        ) from exc
