"""Loading the catalog into plans-api: life situations, agencies, services and touchpoints.

What a previous run made is found and reused — life situations by code, agencies by name,
services and touchpoints by title within their agency — so a second run adds nothing twice.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from otklik_kit.demo.generate import catalog as bodies
from otklik_kit.demo.generate.feedback import Target
from otklik_kit.demo.load.api import Apis, call, every
from otklik_kit.demo.region import AgencySpec, Region, ServiceSpec
from otklik_shared.vocab import Channel

Tick = Callable[[], None]


@dataclass
class LoadedAgency:
    spec: AgencySpec
    id: str
    created_at: datetime
    services: dict[str, str] = field(default_factory=dict)  # service key → id
    touchpoints: dict[Channel, list[str]] = field(default_factory=lambda: defaultdict(list))


@dataclass
class LoadedCatalog:
    agencies: dict[str, LoadedAgency] = field(default_factory=dict)
    situations: dict[str, str] = field(default_factory=dict)  # code → id
    created: int = 0
    reused: int = 0

    def service_ids(self) -> dict[str, str]:
        return {key: sid for a in self.agencies.values() for key, sid in a.services.items()}

    def anchor(self) -> datetime:
        """When the demo region was first made: the end of its feedback history, the same
        on every run, so a re-run regenerates the same feedback."""
        return min(a.created_at for a in self.agencies.values())

    def targets(self) -> list[Target]:
        targets = []
        for agency in self.agencies.values():
            by_key = {s.key: s for s in agency.spec.services}
            for key, service_id in agency.services.items():
                targets.append(
                    Target(agency.spec, agency.id, by_key[key], service_id, agency.touchpoints)
                )
            targets.append(Target(agency.spec, agency.id, None, None, agency.touchpoints))
        return targets


async def load_catalog(apis: Apis, region: Region, tick: Tick) -> LoadedCatalog:
    loaded = LoadedCatalog()
    plans = apis.plans
    known = {s["code"]: s["id"] async for s in every(plans, "/api/v1/life-situations")}
    for situation in region.life_situations:
        if situation.code not in known:
            body = bodies.life_situation_body(situation)
            known[situation.code] = (
                await call(plans, "POST", "/api/v1/life-situations", json=body)
            )["id"]
            loaded.created += 1
        else:
            loaded.reused += 1
        loaded.situations[situation.code] = known[situation.code]
        tick()
    for spec in region.agencies:
        agency = await _agency(apis, region, spec, loaded)
        tick()
        existing = {
            s["title"]: s["id"]
            async for s in every(plans, "/api/v1/services", {"agency_id": agency.id})
        }
        for service in spec.services:
            agency.services[service.key] = await _service(apis, agency, service, existing, loaded)
            tick()
        loaded.agencies[spec.key] = agency
    return loaded


async def _agency(
    apis: Apis, region: Region, spec: AgencySpec, loaded: LoadedCatalog
) -> LoadedAgency:
    params = {"q": spec.name[:100], "level": spec.level.value}
    found = [a async for a in every(apis.plans, "/api/v1/agencies", params)]
    agency = next((a for a in found if a["name"] == spec.name), None)
    if agency is None:
        agency = await call(
            apis.plans, "POST", "/api/v1/agencies", json=bodies.agency_body(region, spec)
        )
        loaded.created += 1
    else:
        loaded.reused += 1
    created_at = datetime.fromisoformat(agency["created_at"])
    return LoadedAgency(spec, agency["id"], created_at)


async def _service(
    apis: Apis,
    agency: LoadedAgency,
    service: ServiceSpec,
    existing: dict[str, str],
    loaded: LoadedCatalog,
) -> str:
    if service.title in existing:
        loaded.reused += 1
        return existing[service.title]
    body = bodies.service_body(agency.id, service, loaded.situations)
    loaded.created += 1
    created: dict[str, Any] = await call(apis.plans, "POST", "/api/v1/services", json=body)
    return str(created["id"])


async def load_touchpoints(
    apis: Apis, region: Region, loaded: LoadedCatalog, tick: Tick
) -> tuple[int, int]:
    """Each agency's registry; returns how many touchpoints were made and reused."""
    made = reused = 0
    for agency in loaded.agencies.values():
        params = {"agency_id": agency.id}
        existing = {
            t["name"]: t["id"] async for t in every(apis.plans, "/api/v1/touchpoints", params)
        }
        services = {agency.services[s.key]: s for s in agency.spec.services}
        for point in bodies.touchpoints(region, agency.spec):
            point_id = existing.get(point.name)
            if point_id is None:
                body = bodies.touchpoint_body(point, agency.id, services)
                point_id = (await call(apis.plans, "POST", "/api/v1/touchpoints", json=body))["id"]
                made += 1
            else:
                reused += 1
            for channel in point.channels:
                agency.touchpoints[channel].append(point_id)
            tick()
    return made, reused
