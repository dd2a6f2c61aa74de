"""Bulk import of services from CSV or XLSX: every bad row reported, nothing written if any.

Columns (header row, any order): agency_id, title, register_number, direction,
internal_subkind, stages, life_situations. Lists are separated by `;`, `,` or `|`; life
situations are given by code. Line numbers count the header as line 1.
"""

import asyncio
import re
import uuid
from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.auth.keys import Principal
from otklik_kit.errors import Duplicate, UnprocessableEntity
from otklik_kit.events.publisher import publish
from otklik_shared.problem import FieldError
from plans_api.agencies import repository as agencies
from plans_api.agencies.integrity import name_key
from plans_api.catalog import integrity, repository
from plans_api.catalog.import_files import read_table
from plans_api.catalog.models import StateService
from plans_api.catalog.schemas import ServiceCreate
from plans_api.catalog.service import service_event
from plans_api.database import outbox

COLUMNS = (
    "agency_id",
    "title",
    "register_number",
    "direction",
    "internal_subkind",
    "stages",
    "life_situations",
)
REQUIRED_COLUMNS = frozenset({"agency_id", "title", "direction", "stages"})
MAX_ROWS = 5000
_LIST_SEPARATORS = re.compile(r"[;,|]")


@dataclass
class Row:
    line: int
    values: dict[str, str]


def _split(text: str) -> list[str]:
    return [part.strip() for part in _LIST_SEPARATORS.split(text) if part.strip()]


def read_rows(raw: bytes) -> list[Row]:
    table = read_table(raw, max_rows=MAX_ROWS)
    header = [h.strip().lower() for h in table[0]]
    source = iter(table[1:])
    missing = REQUIRED_COLUMNS - set(header)
    unknown = set(header) - set(COLUMNS) - {""}
    if missing or unknown:
        problems = [f"missing columns: {', '.join(sorted(missing))}"] if missing else []
        problems += [f"unknown columns: {', '.join(sorted(unknown))}"] if unknown else []
        raise UnprocessableEntity.for_field("file", "; ".join(problems), type_="bad_header")
    rows = []
    for line, values in enumerate(source, start=2):
        if not any(v.strip() for v in values):
            continue
        rows.append(Row(line, {h: (v or "").strip() for h, v in zip(header, values, strict=False)}))
    if len(rows) > MAX_ROWS:
        raise UnprocessableEntity.for_field(
            "file", f"At most {MAX_ROWS} rows per import", type_="too_long"
        )
    return rows


def _error(line: int, column: str, message: str, type_: str) -> FieldError:
    return FieldError(location="file", field=f"line {line}: {column}", message=message, type=type_)


class _Batch:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []
        self.valid: list[tuple[Row, ServiceCreate, list[str]]] = []

    def parse(self, row: Row) -> None:
        v = row.values
        data = {
            "agency_id": v.get("agency_id") or None,
            "title": v.get("title", ""),
            "register_number": v.get("register_number") or None,
            "direction": v.get("direction", ""),
            "internal_subkind": v.get("internal_subkind") or None,
            "stages": _split(v.get("stages", "")),
        }
        try:
            service = ServiceCreate.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                column = str(error["loc"][0]) if error["loc"] else "row"
                self.errors.append(_error(row.line, column, error["msg"], error["type"]))
            return
        self.valid.append((row, service, _split(v.get("life_situations", ""))))


async def import_services(
    session: AsyncSession, principal: Principal, raw: bytes
) -> list[StateService]:
    batch = _Batch()
    # parsing is CPU-bound: off the event loop
    for row in await asyncio.to_thread(read_rows, raw):
        batch.parse(row)
    codes = sorted({code for _, _, row_codes in batch.valid for code in row_codes})
    situations = await repository.life_situations_by_code(session, codes)
    numbers = [s.register_number for _, s, _ in batch.valid if s.register_number]
    taken = await repository.taken_register_numbers(session, numbers)
    known_agencies = await agencies.existing_ids(session, {s.agency_id for _, s, _ in batch.valid})
    visible_agencies = {a for a in known_agencies if principal.sees_agency(a)}
    titles = await integrity.taken_titles(session, visible_agencies)
    seen_numbers: dict[str, int] = {}
    seen_titles: dict[tuple[uuid.UUID, str], int] = {}
    for row, service, row_codes in batch.valid:
        if not principal.sees_agency(service.agency_id) or service.agency_id not in known_agencies:
            batch.errors.append(
                _error(row.line, "agency_id", f"Unknown agency {service.agency_id}", "not_found")
            )
        for code in row_codes:
            if code not in situations:
                message = f"Unknown life situation {code!r}"
                batch.errors.append(_error(row.line, "life_situations", message, "not_found"))
        number = service.register_number
        if number and (number in taken or number in seen_numbers):
            where = (
                f"line {seen_numbers[number]}"
                if number in seen_numbers
                else f"the catalog: {taken[number]}"
            )
            message = f"Register number {number} is already in {where}"
            batch.errors.append(_error(row.line, "register_number", message, "duplicate"))
        if number:
            seen_numbers.setdefault(number, row.line)
        title = (service.agency_id, name_key(service.title))
        if title in titles or title in seen_titles:
            held = f"line {seen_titles[title]}" if title in seen_titles else str(titles[title])
            message = f"Service {service.title!r} of this agency already exists: {held}"
            batch.errors.append(_error(row.line, "title", message, "duplicate"))
        seen_titles.setdefault(title, row.line)
    if batch.errors:
        batch.errors.sort(key=lambda e: int(e.field.split(":")[0].removeprefix("line ")))
        summary = f"{len(batch.errors)} error(s) in the file; nothing was imported"
        # only duplicates: the file is fine, it conflicts with the catalog (or with itself)
        if all(e.type == "duplicate" for e in batch.errors):
            raise Duplicate(summary, errors=batch.errors)
        raise UnprocessableEntity(summary, errors=batch.errors)
    created = []
    for _, data, row_codes in batch.valid:
        new_service = StateService(
            id=uuid.uuid4(),
            **data.model_dump(exclude={"life_situation_ids", "stages"}),
            stages=[s.value for s in data.stages],
            life_situations=[situations[c] for c in dict.fromkeys(row_codes)],
        )
        session.add(new_service)
        created.append(new_service)
    await session.flush()
    await publish(session, outbox, *(service_event(s) for s in created))
    return created
