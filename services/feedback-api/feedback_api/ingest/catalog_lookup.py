"""What a batch of feedback is checked against, read from the catalog copy in one query."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

import asyncpg

CATALOG_QUERY = """
SELECT 's' AS kind, s.id, s.agency_id, s.stages, s.retired AS gone, NULL::smallint AS due_days
  FROM feedback.catalog_services s
 WHERE s.id = ANY($1::uuid[])
UNION ALL
SELECT 'a', a.id, a.id, NULL::varchar[], false, p.answer_due_days
  FROM feedback.catalog_agencies a
  LEFT JOIN feedback.review_policies p ON p.agency_id = a.id
 WHERE a.id = ANY($2::uuid[])
    OR a.id IN (SELECT agency_id FROM feedback.catalog_services WHERE id = ANY($1::uuid[]))
UNION ALL
SELECT 't', t.id, t.agency_id, NULL::varchar[], t.deleted, NULL::smallint
  FROM feedback.catalog_touchpoints t
 WHERE t.id = ANY($3::uuid[])
"""


@dataclass(frozen=True, slots=True)
class ServiceRef:
    agency_id: uuid.UUID
    stages: tuple[str, ...]
    retired: bool


@dataclass(frozen=True, slots=True)
class TouchpointRef:
    agency_id: uuid.UUID
    deleted: bool


@dataclass(slots=True)
class CatalogSnapshot:
    services: dict[uuid.UUID, ServiceRef] = field(default_factory=dict)
    # agency id → its own answer deadline in days, None when it keeps the default
    agencies: dict[uuid.UUID, int | None] = field(default_factory=dict)
    touchpoints: dict[uuid.UUID, TouchpointRef] = field(default_factory=dict)


async def load_snapshot(
    connection: asyncpg.Connection,
    *,
    service_ids: Iterable[uuid.UUID],
    agency_ids: Iterable[uuid.UUID],
    touchpoint_ids: Iterable[uuid.UUID],
) -> CatalogSnapshot:
    snapshot = CatalogSnapshot()
    rows = await connection.fetch(
        CATALOG_QUERY, list(set(service_ids)), list(set(agency_ids)), list(set(touchpoint_ids))
    )
    for row in rows:
        if row["kind"] == "s":
            snapshot.services[row["id"]] = ServiceRef(
                row["agency_id"], tuple(row["stages"]), row["gone"]
            )
        elif row["kind"] == "a":
            snapshot.agencies[row["id"]] = row["due_days"]
        else:
            snapshot.touchpoints[row["id"]] = TouchpointRef(row["agency_id"], row["gone"])
    return snapshot
