"""The plan as it is printed: the input of the DOCX and XLSX exports, and their shared wording.

The plans domain builds a `PlanDocument` from a stored plan; the renderers only lay it out.
"""

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict

from otklik_kit.text import printable

RowKind = Literal["section", "group", "item"]
# what people typed goes into XML: characters it cannot hold are dropped
Text = Annotated[str, AfterValidator(printable)]


class ExportExecutor(BaseModel):
    model_config = ConfigDict(frozen=True)

    start_date: date | None
    end_date: date | None
    responsible: Text


class ExportRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: Text
    kind: RowKind
    text: Text
    result: Text
    footnote_marks: list[Text] = []
    executors: list[ExportExecutor] = []


class ExportFootnote(BaseModel):
    model_config = ConfigDict(frozen=True)

    mark: Text
    text: Text


class PlanDocument(BaseModel):
    model_config = ConfigDict(frozen=True)

    title: Text
    agency_name: Text
    service_title: Text
    approving_official: Text | None
    document_number: Text | None
    document_date: date | None
    status_label: Text
    rows: list[ExportRow]
    footnotes: list[ExportFootnote]


TABLE_HEADER = (
    "№ п/п",
    "Мероприятие",
    "Дата начала",
    "Дата окончания",
    "Ответственный",
    "Результат",
)
APPROVAL_HEADING = "УТВЕРЖДАЮ"
SIGNATURE_BLANK = "_" * 32
DATE_BLANK = "«___» ____________ 20___ г."


def format_date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def number_label(number: str) -> str:
    """«1.1» → «1.1.», as numbers are written in the typical plan's table."""
    number = number.strip()
    return number if not number or number.endswith(".") else f"{number}."


def marks_label(marks: list[str]) -> str:
    return ",".join(marks)


def registration_line(doc: PlanDocument) -> str | None:
    parts = []
    if doc.document_number:
        parts.append(f"№ {doc.document_number}")
    if doc.document_date:
        parts.append(f"от {format_date(doc.document_date)}")
    return " ".join(parts) or None


def approval_lines(doc: PlanDocument) -> list[str]:
    """The approval stamp; blanks to fill by hand while the plan is not yet approved."""
    return [
        APPROVAL_HEADING,
        doc.approving_official or SIGNATURE_BLANK,
        registration_line(doc) or DATE_BLANK,
    ]
