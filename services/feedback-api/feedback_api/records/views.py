from feedback_api.feedback.models import CRITERIA_COLUMNS, Feedback
from feedback_api.ingest.redaction import mask_personal_data
from otklik_shared.events import FeedbackPayload


def feedback_record(row: Feedback) -> FeedbackPayload:
    """The same record `feedback.received` carried: comment masked, no contacts."""
    criteria = {
        criterion: score
        for criterion, column in CRITERIA_COLUMNS.items()
        if (score := getattr(row, column)) is not None
    }
    return FeedbackPayload(
        feedback_id=row.id,
        agency_id=row.agency_id,
        service_id=row.service_id,
        stage=row.stage,
        channel=row.channel,
        touchpoint_id=row.touchpoint_id,
        client_type=row.client_type,
        rating=row.rating,
        criteria=criteria,
        comment=mask_personal_data(row.comment) if row.comment else None,
        occurred_at=row.occurred_at,
        received_at=row.received_at,
    )
