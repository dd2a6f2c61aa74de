"""A review as the API answers it."""

from feedback_api.feedback.schemas import FeedbackRead
from feedback_api.review.schemas import AnswerRead, FeedbackDetail, ProposalOutcomeRead
from feedback_api.review.service import Review


def feedback_detail(found: Review, read: FeedbackRead) -> FeedbackDetail:
    return FeedbackDetail(
        **read.model_dump(),
        answers=[AnswerRead.model_validate(a) for a in found.answers],
        proposals=[ProposalOutcomeRead.model_validate(p) for p in found.proposals],
    )
