"""Which feedback needs an operator's review: the rule's one home, used by ingest to set
`needs_review` on each new feedback."""

from feedback_api.feedback.schemas import FeedbackCreate


def needs_review(data: FeedbackCreate) -> bool:
    """The citizen asks for an answer, or rates low with something to act on: a comment, or a
    contact to reach them by (seed 000, 2.6.2, 3.3)."""
    if data.answer_requested:
        return True
    return data.rating < 3 and (data.comment is not None or data.contact is not None)
