"""What a report is about: a service, an agency (all its services) or a life situation (its
services, from the directory copy), and whose aggregates, plans and surveys that means."""

import uuid
from dataclasses import dataclass, field

from sqlalchemy import any_, select
from sqlalchemy.ext.asyncio import AsyncSession

from reporting_worker.directory.models import KnownAgency, KnownService
from reporting_worker.reports.repository import AggregateScope
from reporting_worker.reports.schemas import SubjectKind
from reporting_worker.reports.upstream import Audience


@dataclass(frozen=True)
class Subject:
    kind: SubjectKind
    id: uuid.UUID
    # null for a life situation: its title comes from plans-api when the report is built
    title: str | None
    # whose data the report holds (see ReportJob.agency_id)
    agency_id: uuid.UUID | None
    agency_name: str | None
    services: dict[uuid.UUID, str]
    # a comparison of agencies: the agencies compared, by id, with their names
    agencies: dict[uuid.UUID, str] = field(default_factory=dict)

    @property
    def scope(self) -> AggregateScope:
        if self.kind == SubjectKind.AGENCIES:
            return AggregateScope(agency_id=None, service_ids=None, agency_ids=tuple(self.agencies))
        if self.kind == SubjectKind.AGENCY:
            return AggregateScope(agency_id=self.id, service_ids=None)
        return AggregateScope(agency_id=self.agency_id, service_ids=tuple(self.services))

    @property
    def audience(self) -> Audience:
        if self.kind == SubjectKind.AGENCIES and self.services:
            return Audience(agency_id=None, service_ids=tuple(self.services))
        if self.kind in (SubjectKind.AGENCY, SubjectKind.AGENCIES):
            return Audience(agency_id=self.id, service_ids=None)
        return Audience(agency_id=self.agency_id, service_ids=tuple(self.services))


async def _agency_name(session: AsyncSession, agency_id: uuid.UUID | None) -> str | None:
    agency = await session.get(KnownAgency, agency_id) if agency_id else None
    return agency.name if agency else None


async def resolve_subject(
    session: AsyncSession, kind: SubjectKind, subject_id: uuid.UUID, *, bound_to: uuid.UUID | None
) -> Subject | None:
    """The subject as `bound_to` (an agency-bound key's agency, or None) may see it; None when
    it is unknown or belongs to another agency. A life situation seen by an agency-bound key
    covers that agency's services only."""
    if kind == SubjectKind.SERVICE:
        service = await session.get(KnownService, subject_id)
        if service is None or bound_to not in (None, service.agency_id):
            return None
        return Subject(
            kind=kind,
            id=subject_id,
            title=service.title,
            agency_id=service.agency_id,
            agency_name=await _agency_name(session, service.agency_id),
            services={service.id: service.title},
        )
    if kind == SubjectKind.AGENCIES:
        return await _compared_agencies(session, subject_id, bound_to=bound_to)
    if kind == SubjectKind.AGENCY:
        agency = await session.get(KnownAgency, subject_id)
        if agency is None or bound_to not in (None, agency.id):
            return None
        services = await session.scalars(
            select(KnownService).where(KnownService.agency_id == agency.id)
        )
        return Subject(
            kind=kind,
            id=subject_id,
            title=agency.name,
            agency_id=agency.id,
            agency_name=agency.name,
            services={s.id: s.title for s in services},
        )
    stmt = select(KnownService).where(any_(KnownService.life_situation_ids) == subject_id)
    if bound_to is not None:
        stmt = stmt.where(KnownService.agency_id == bound_to)
    found = {s.id: s.title for s in await session.scalars(stmt.order_by(KnownService.title))}
    if not found:
        return None
    return Subject(
        kind=kind,
        id=subject_id,
        title=None,
        agency_id=bound_to,
        agency_name=await _agency_name(session, bound_to),
        services=found,
    )


async def _compared_agencies(
    session: AsyncSession, agency_id: uuid.UUID, *, bound_to: uuid.UUID | None
) -> Subject | None:
    """The agency and its subordinate agencies (directory copy: parent_id), compared."""
    head = await session.get(KnownAgency, agency_id)
    if head is None or bound_to not in (None, head.id):
        return None
    subordinate = await session.scalars(
        select(KnownAgency).where(KnownAgency.parent_id == head.id).order_by(KnownAgency.name)
    )
    agencies = {head.id: head.name, **{a.id: a.name for a in subordinate}}
    services = await session.scalars(
        select(KnownService).where(KnownService.agency_id.in_(tuple(agencies)))
    )
    return Subject(
        kind=SubjectKind.AGENCIES,
        id=head.id,
        title=f"{head.name} и подведомственные органы",
        agency_id=head.id,
        agency_name=head.name,
        services={s.id: s.title for s in services},
        agencies=agencies,
    )
