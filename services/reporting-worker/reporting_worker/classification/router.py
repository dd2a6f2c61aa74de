import asyncio
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from otklik_kit.auth.dependencies import require_any
from otklik_kit.auth.keys import Principal
from otklik_kit.auth.scopes import Scope
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router
from reporting_worker.classification import service
from reporting_worker.classification.classifier import Classifier, shared_classifier
from reporting_worker.classification.schemas import ClassifyRequest, ClassifyResponse

router = api_router("classify", tag="classification")
CLASSIFY_PATH = "/api/v1/classify"

CommentReader = Annotated[Principal, Depends(require_any(Scope.REPORTS_READ, Scope.FEEDBACK_READ))]


async def load_classifier(app: FastAPI) -> None:
    # the dictionary takes a fraction of a second to load: once per process, off the loop
    app.state.classifier = await asyncio.to_thread(shared_classifier)


def _classifier(request: Request) -> Classifier:
    classifier: Classifier = request.app.state.classifier
    return classifier


@router.post(
    "",
    operation_id="classify_texts",
    summary="Classify citizens' comments",
    responses=problem_responses(422),
)
async def classify_texts(
    _principal: CommentReader,
    classifier: Annotated[Classifier, Depends(_classifier)],
    body: ClassifyRequest,
) -> ClassifyResponse:
    """Pain categories with scores and the sentiment of 1–100 comments (up to 5000 characters
    each); the optional star rating shifts the sentiment."""
    # a full batch is tens of milliseconds of CPU: keep it off the event loop
    return await asyncio.to_thread(service.classify_texts, classifier, body)
