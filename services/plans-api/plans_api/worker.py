"""plans-api's arq worker (embedded in the API process unless EMBEDDED_WORKER_ENABLED=false):
receives the proposals operators make from citizens' feedback."""

from otklik_kit.events.consumer import Handler
from otklik_kit.events.worker import WorkerSpec
from plans_api.database import CONSUMER, inbox
from plans_api.proposals.handlers import on_proposal_submitted

HANDLERS: dict[str, Handler] = {
    "proposal.submitted": on_proposal_submitted,
}

WORKER = WorkerSpec(service="plans-api", consumer=CONSUMER, inbox=inbox, handlers=HANDLERS)
