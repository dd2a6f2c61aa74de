from otklik_kit.auth.dependencies import ReportsReader
from otklik_kit.db import DbSession
from otklik_kit.pagination import Limit
from otklik_kit.routing import api_router
from reporting_worker.directory import repository
from reporting_worker.directory.schemas import KnownAgencyRead, KnownServiceRead

router = api_router("directory", tag="directory")


@router.get(
    "/agencies",
    operation_id="list_known_agencies",
    summary="Agencies known to the reporting worker",
)
async def list_known_agencies(
    session: DbSession, principal: ReportsReader, limit: Limit = 200
) -> list[KnownAgencyRead]:
    """The worker's copy of the agency catalog, kept from plans-api's events."""
    agencies = await repository.list_agencies(session, only_id=principal.agency_id, limit=limit)
    return [KnownAgencyRead.model_validate(a) for a in agencies]


@router.get(
    "/services",
    operation_id="list_known_services",
    summary="Services known to the reporting worker",
)
async def list_known_services(
    session: DbSession, principal: ReportsReader, limit: Limit = 200
) -> list[KnownServiceRead]:
    """The worker's copy of the service catalog, kept from plans-api's events."""
    services = await repository.list_services(session, agency_id=principal.agency_id, limit=limit)
    return [KnownServiceRead.model_validate(s) for s in services]
