"""Every ORM model of plans-api, imported so alembic sees the whole schema."""

from plans_api.agencies.models import Agency
from plans_api.catalog.models import LifeSituation, StateService, service_life_situations
from plans_api.database import Base, outbox

__all__ = [
    "Agency",
    "Base",
    "LifeSituation",
    "StateService",
    "outbox",
    "service_life_situations",
]
