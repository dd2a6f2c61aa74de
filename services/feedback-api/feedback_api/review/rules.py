"""Which feedback needs an operator's review: the rule's one home, used by ingest to set
`needs_review` on each new feedback."""

from feedback_api.feedback.schemas import FeedbackCreate


def needs_review(data: FeedbackCreate) -> bool:
    """A comment asking for an answer, or a low rating with a comment (seed 000, 2.6.2, 3.3)."""
    return data.comment is not None and (data.answer_requested or data.rating < 3)
