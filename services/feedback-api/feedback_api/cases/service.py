"""The timeline of a case, from the feedback given with its number, their answers and proposals.
An agency-bound key sees its own agency's part of the case only."""

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.cases.schemas import CaseTimeline, TimelineEntry
from feedback_api.feedback.disclosure import shown_comments
from feedback_api.review import repository
from feedback_api.review.service import Review, reviews_of
from otklik_kit.auth.keys import Principal
from otklik_kit.errors import NotFound

# entries at the same moment keep the order of the path
ORDER = {"received": 0, "assigned": 1, "answered": 2, "proposed": 3, "proposal_decided": 4}


def _entries(found: Review, comment: str | None) -> list[TimelineEntry]:
    row = found.feedback
    entries = [
        TimelineEntry(
            at=row.received_at,
            kind="received",
            feedback_id=row.id,
            stage=row.stage,
            channel=row.channel,
            rating=row.rating,
            comment=comment,
            answer_due_at=row.answer_due_at,
        )
    ]
    if row.assigned_at is not None:
        entries.append(
            TimelineEntry(at=row.assigned_at, kind="assigned", feedback_id=row.id, by=row.assignee)
        )
    entries += [
        TimelineEntry(
            at=a.answered_at,
            kind="answered",
            feedback_id=row.id,
            text=a.text,
            by=a.answered_by,
            answer_number=a.number,
        )
        for a in found.answers
    ]
    for p in found.proposals:
        entries.append(
            TimelineEntry(
                at=p.created_at,
                kind="proposed",
                feedback_id=row.id,
                text=p.title,
                by=p.proposed_by,
                proposal_id=p.id,
            )
        )
        if p.decided_at is not None and p.status in ("accepted", "rejected"):
            entries.append(
                TimelineEntry(
                    at=p.decided_at,
                    kind="proposal_decided",
                    feedback_id=row.id,
                    by=p.decided_by,
                    proposal_id=p.id,
                    proposal_status=p.status,
                    reason=p.reject_reason,
                    plan_id=p.plan_id,
                    item_number=p.item_number,
                )
            )
    if row.closed_at is not None:
        entries.append(TimelineEntry(at=row.closed_at, kind="closed", feedback_id=row.id))
    return entries


async def case_timeline(
    session: AsyncSession, principal: Principal, case_number: str
) -> CaseTimeline:
    visible, agency_id = principal.listing_agency(None)
    rows = await repository.case_feedback(session, case_number, agency_id) if visible else []
    if not rows:
        raise NotFound(f"No feedback with case number {case_number}")
    comments = await shown_comments(session, principal, rows)
    entries = [
        entry
        for found in await reviews_of(session, rows)
        for entry in _entries(found, comments[found.feedback.id])
    ]
    entries.sort(key=lambda e: (e.at, ORDER.get(e.kind, 9)))
    return CaseTimeline(case_number=case_number, feedback_count=len(rows), entries=entries)
