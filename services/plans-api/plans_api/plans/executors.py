"""Replacing an item's executors without losing the progress already reported.

A PUT of the executors is how a date moves, so an executor that is still in the new list keeps
its status and completion time. It is the same executor when the client gives its `id`; else
when it has the same responsible (unit and person, ignoring case and spacing): the first unmatched
old executor with that responsible, in list order, so a repeated responsible pairs up in order.
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from otklik_kit.errors import UnprocessableEntity
from plans_api.plans.models import Executor, ExecutorStatus
from plans_api.plans.schemas import ExecutorIn


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _responsible(unit: str, person: str | None) -> tuple[str, str]:
    return _norm(unit), _norm(person)


def match(old: Sequence[Executor], new: Sequence[ExecutorIn]) -> list[Executor | None]:
    """For each new executor, the old one it continues, or None for a new executor."""
    by_id = {e.id: e for e in old}
    matches: list[Executor | None] = [None] * len(new)
    taken: set[uuid.UUID] = set()
    for index, given in enumerate(new):
        if given.id is None:
            continue
        found = by_id.get(given.id)
        if found is None or found.id in taken:
            problem = "is given twice" if found else "is not an executor of this item"
            raise UnprocessableEntity.for_field(
                f"executors.{index}.id", f"Executor {given.id} {problem}", type_="not_found"
            )
        matches[index] = found
        taken.add(found.id)
    for index, given in enumerate(new):
        if given.id is not None:
            continue
        key = _responsible(given.unit, given.person)
        found = next(
            (e for e in old if e.id not in taken and _responsible(e.unit, e.person) == key), None
        )
        if found is not None:
            matches[index] = found
            taken.add(found.id)
    return matches


def snapshot(executors: Sequence[Executor]) -> list[dict[str, Any]]:
    """The executors as the plan history keeps them (JSON)."""
    return [
        {
            "id": str(e.id),
            "unit": e.unit,
            "person": e.person,
            "person_position": e.person_position,
            "start_date": e.start_date.isoformat(),
            "end_date": e.end_date.isoformat(),
            "status": e.status.value,
            "completed_at": e.completed_at.isoformat() if e.completed_at else None,
        }
        for e in executors
    ]


def apply(old: Sequence[Executor], new: Sequence[ExecutorIn]) -> list[Executor]:
    """The new executor list: matched ones updated in place (id, status kept), others created."""
    now = datetime.now(UTC)
    result = []
    for index, (given, kept) in enumerate(zip(new, match(old, new), strict=True)):
        fields = given.model_dump(exclude={"id", "status"})
        if kept is None:
            status = given.status
            executor = Executor(id=uuid.uuid4(), **fields, status=status)
            executor.completed_at = now if status == ExecutorStatus.DONE else None
        else:
            executor = kept
            for name, value in fields.items():
                setattr(executor, name, value)
            # a status given explicitly is a report of progress; omitted, the old one stands
            if "status" in given.model_fields_set and given.status != executor.status:
                executor.status = given.status
                executor.completed_at = now if given.status == ExecutorStatus.DONE else None
        executor.position = index
        result.append(executor)
    return result
