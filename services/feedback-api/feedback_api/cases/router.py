from typing import Annotated

from fastapi import Path

from feedback_api.cases import service
from feedback_api.cases.schemas import CaseTimeline
from feedback_api.feedback.schemas import CASE_NUMBER_PATTERN
from otklik_kit.auth.dependencies import FeedbackReader
from otklik_kit.db import DbSession
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router

router = api_router("cases", tag="review")

CaseNumber = Annotated[
    str,
    Path(
        min_length=1,
        max_length=64,
        pattern=CASE_NUMBER_PATTERN,
        description="The citizen's case or application number, as given with the feedback",
    ),
]


@router.get(
    "/{case_number}/timeline",
    operation_id="get_case_timeline",
    summary="A case's whole path",
    responses=problem_responses(404, 422),
)
async def get_case_timeline(
    session: DbSession, principal: FeedbackReader, case_number: CaseNumber
) -> CaseTimeline:
    """Every feedback given with the case number at any stage, with its assignment, answers,
    proposals and their outcome, oldest first; an agency-bound key sees its agency's part."""
    return await service.case_timeline(session, principal, case_number)
