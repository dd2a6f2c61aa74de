"""The filtered feedback list as CSV (streamed) or XLSX, with Russian headers.

Rows are read through a server-side cursor and written as they come, at most `limit` of them.
No contact details: they live apart, and personal data written into comments is masked.
"""

import asyncio
import csv
import io
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.feedback.models import FeedbackStatus
from feedback_api.feedback.views import criteria_of, is_overdue
from feedback_api.ingest.redaction import mask_personal_data
from feedback_api.review import repository
from feedback_api.review.filters import FeedbackFilter
from feedback_api.review.repository import ExportRow
from otklik_kit.text import printable
from otklik_shared.measures import MOSCOW
from otklik_shared.vocab import (
    CHANNEL_LABELS,
    CRITERION_LABELS,
    PAIN_CATEGORY_LABELS,
    STAGE_LABELS,
    ClientType,
    Criterion,
)

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
FETCH_ROWS = 1000
# Spreadsheets run a cell that starts with one of these as a formula; citizens write comments.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "%d.%m.%Y %H:%M"

STATUS_LABELS = {
    FeedbackStatus.RECEIVED: "Получен",
    FeedbackStatus.ACKNOWLEDGED: "Принят к рассмотрению",
    FeedbackStatus.IN_REVIEW: "На рассмотрении",
    FeedbackStatus.ANSWERED: "Дан ответ",
    FeedbackStatus.CLOSED: "Закрыт",
}
CLIENT_TYPE_LABELS = {
    ClientType.INDIVIDUAL: "Физическое лицо",
    ClientType.ENTREPRENEUR: "Индивидуальный предприниматель",
    ClientType.LEGAL_ENTITY: "Юридическое лицо",
    ClientType.FOREIGN_CITIZEN: "Иностранный гражданин",
    ClientType.INTERNAL: "Внутренний клиент (сотрудник)",
}
SENTIMENT_LABELS = {"positive": "Позитивная", "neutral": "Нейтральная", "negative": "Негативная"}

Value = str | int | datetime | None


def _moscow(moment: datetime | None) -> datetime | None:
    return moment.astimezone(MOSCOW).replace(tzinfo=None) if moment else None


def _yes_no(flag: bool) -> str:
    return "Да" if flag else "Нет"


def _criterion(criterion: Criterion) -> Callable[[ExportRow], Value]:
    return lambda r: getattr(criteria_of(r.Feedback), criterion.value)


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    value: Callable[[ExportRow], Value]
    width: int = 16


COLUMNS: tuple[Column, ...] = (
    Column("Номер отзыва", lambda r: str(r.Feedback.id), 38),
    Column("Дата получения (МСК)", lambda r: _moscow(r.Feedback.received_at)),
    Column("Дата взаимодействия (МСК)", lambda r: _moscow(r.Feedback.occurred_at)),
    Column("Орган власти", lambda r: r.agency_name, 40),
    Column("Услуга", lambda r: r.service_title, 40),
    Column("Этап", lambda r: STAGE_LABELS[r.Feedback.stage] if r.Feedback.stage else None, 24),
    Column("Канал", lambda r: CHANNEL_LABELS[r.Feedback.channel], 24),
    Column("Точка взаимодействия", lambda r: r.touchpoint_name, 30),
    Column("Тип заявителя", lambda r: CLIENT_TYPE_LABELS[r.Feedback.client_type], 24),
    Column("Оценка", lambda r: r.Feedback.rating, 8),
    *(Column(label, _criterion(criterion), 14) for criterion, label in CRITERION_LABELS.items()),
    Column(
        "Комментарий",
        lambda r: mask_personal_data(r.Feedback.comment) if r.Feedback.comment else None,
        60,
    ),
    Column("Номер дела", lambda r: r.Feedback.case_number, 20),
    Column("Статус", lambda r: STATUS_LABELS[r.Feedback.status], 22),
    Column("Требует ответа", lambda r: _yes_no(r.Feedback.needs_review), 10),
    Column("Срок ответа (МСК)", lambda r: _moscow(r.Feedback.answer_due_at)),
    Column("Просрочен", lambda r: _yes_no(is_overdue(r.Feedback)), 10),
    Column("Исполнитель", lambda r: r.Feedback.assignee, 30),
    Column("Ответ", lambda r: r.Feedback.answer, 60),
    Column("Ответил", lambda r: r.Feedback.answered_by, 24),
    Column("Дата ответа (МСК)", lambda r: _moscow(r.Feedback.answered_at)),
    Column(
        "Категории",
        lambda r: "; ".join(PAIN_CATEGORY_LABELS[c] for c in r.Feedback.categories or []) or None,
        30,
    ),
    Column("Тональность", lambda r: SENTIMENT_LABELS.get(r.Feedback.sentiment or ""), 14),
)
HEADERS = [column.header for column in COLUMNS]


def _values(row: ExportRow) -> list[Value]:
    return [column.value(row) for column in COLUMNS]


async def export_rows(
    sessionmaker: async_sessionmaker[AsyncSession],
    where: FeedbackFilter | None,
    *,
    now: datetime,
    limit: int,
) -> AsyncIterator[list[list[Value]]]:
    """The rows in chunks; a response streams them after its request's session has closed,
    so the export reads in a session of its own."""
    if where is None:
        return
    query = repository.export_query(where, now=now, limit=limit)
    async with sessionmaker() as session, session.begin():
        result = await session.stream(query.execution_options(yield_per=FETCH_ROWS))
        async for chunk in result.partitions(FETCH_ROWS):
            yield [_values(row) for row in chunk]


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime(DATE_FORMAT)
    text = str(value)
    return "'" + text if isinstance(value, str) and text.startswith(FORMULA_STARTS) else text


def _csv_lines(rows: Sequence[Sequence[Value]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows([_text(value) for value in row] for row in rows)
    return buffer.getvalue().encode()


async def csv_stream(chunks: AsyncIterator[list[list[Value]]]) -> AsyncIterator[bytes]:
    """UTF-8 with a byte order mark and `;` between fields: what Excel in Russian opens as is.

    The query runs and its first rows are read before this returns, so a request the database
    refuses is answered with a problem, not with a header and a dropped connection."""
    first: list[list[Value]] = await anext(chunks, [])

    async def lines() -> AsyncIterator[bytes]:
        yield "\ufeff".encode() + _csv_lines([HEADERS, *first])
        async for chunk in chunks:
            yield _csv_lines(chunk)

    return lines()


def _new_sheet() -> tuple[Workbook, WriteOnlyWorksheet]:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Отзывы")
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in HEADERS:
        cell = WriteOnlyCell(sheet, title)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        header.append(cell)
    sheet.append(header)
    return workbook, sheet


def _append(sheet: WriteOnlyWorksheet, rows: list[list[Value]]) -> None:
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value)
            if isinstance(value, datetime):
                cell.number_format = "DD.MM.YYYY HH:MM"
            elif isinstance(value, str):
                cell.value = printable(value)
                cell.data_type = "s"  # never a formula, whatever the text starts with
            cells.append(cell)
        sheet.append(cells)


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


async def xlsx_document(chunks: AsyncIterator[list[list[Value]]]) -> bytes:
    workbook, sheet = await asyncio.to_thread(_new_sheet)
    async for chunk in chunks:
        await asyncio.to_thread(_append, sheet, chunk)
    return await asyncio.to_thread(_save, workbook)
