"""A report over several services (an agency, a life situation): the cells read per service,
from which the report's own cells, the ranking of services and the services of each pain-map
cell all derive — two queries, as many as a service's report makes."""

import uuid
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from reporting_worker.aggregates.models import NONE_ID
from reporting_worker.reports import repository
from reporting_worker.reports.figures import Tally, add_into, empty_tally
from reporting_worker.reports.painmap import Place, PlaceServices, place_of
from reporting_worker.reports.periods import Period
from reporting_worker.reports.ranking import by_first_key, ranked
from reporting_worker.reports.repository import AggregateScope, CellKey, ServiceCellKey
from reporting_worker.reports.stat_schemas import RankedRow
from reporting_worker.reports.statistics import Rules

# feedback on the agency as a whole (its site, its app) carries no service
WHOLE_AGENCY_LABEL = "Орган власти в целом (без услуги)"


def _cells(tallies: Mapping[ServiceCellKey, Tally]) -> dict[CellKey, Tally]:
    cells: dict[CellKey, Tally] = defaultdict(empty_tally)
    for (_, stage, channel, touchpoint), tally in tallies.items():
        add_into(cells[(stage, channel, touchpoint)], tally)
    return dict(cells)


@dataclass(frozen=True)
class ServiceCells:
    current: Mapping[ServiceCellKey, Tally]
    before: Mapping[ServiceCellKey, Tally]
    titles: Mapping[uuid.UUID, str]

    @property
    def labels(self) -> dict[uuid.UUID, str]:
        return {NONE_ID: WHOLE_AGENCY_LABEL, **self.titles}

    @property
    def cells(self) -> dict[CellKey, Tally]:
        return _cells(self.current)

    @property
    def cells_before(self) -> dict[CellKey, Tally]:
        return _cells(self.before)

    def places(self) -> PlaceServices:
        tallies: dict[Place, dict[uuid.UUID, Tally]] = defaultdict(dict)
        for (service, stage, channel, touchpoint), tally in self.current.items():
            place = place_of((stage, channel, touchpoint))
            add_into(tallies[place].setdefault(service, empty_tally()), tally)
        return PlaceServices(tallies=tallies, titles=self.labels)

    def ranked(self, rules: Rules) -> list[RankedRow]:
        return ranked(by_first_key(self.current), by_first_key(self.before), self.labels, rules)


async def service_cells(
    session: AsyncSession,
    scope: AggregateScope,
    period: Period,
    previous: Period,
    titles: Mapping[uuid.UUID, str],
) -> ServiceCells:
    return ServiceCells(
        current=await repository.service_cell_tallies(session, scope, period),
        before=await repository.service_cell_tallies(session, scope, previous),
        titles=titles,
    )
