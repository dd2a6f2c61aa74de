"""Every ORM model of plans-api, imported so alembic sees the whole schema."""

from plans_api.agencies.models import Agency
from plans_api.catalog.models import LifeSituation, StateService, service_life_situations
from plans_api.checklists.models import Checklist
from plans_api.database import Base, inbox, outbox
from plans_api.plans.history_models import PlanItemState
from plans_api.plans.models import Evidence, Executor, Plan, PlanRevision, PlanRow
from plans_api.proposals.models import Proposal
from plans_api.touchpoints.models import Touchpoint, touchpoint_services

__all__ = [
    "Agency",
    "Base",
    "Checklist",
    "Evidence",
    "Executor",
    "LifeSituation",
    "Plan",
    "PlanItemState",
    "PlanRevision",
    "PlanRow",
    "Proposal",
    "StateService",
    "Touchpoint",
    "inbox",
    "outbox",
    "service_life_situations",
    "touchpoint_services",
]
