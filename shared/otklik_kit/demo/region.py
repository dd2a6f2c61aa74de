"""The demo region as data (data/region.json): agencies, their services and touchpoints, life
situations, and the stories that make the numbers move over the months."""

import functools
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from otklik_shared.vocab import AgencyLevel, Channel, ClientType, Criterion, Direction, Stage
from otklik_shared.vocab import PainCategory as Pain
from otklik_shared.vocab_touchpoints import ClientNeed, TouchpointKind

DATA_FILE = Path(__file__).parent / "data" / "region.json"


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Office(_Spec):
    name: str
    address: str


class LifeSituationSpec(_Spec):
    code: str
    title: str
    description: str


class ServiceSpec(_Spec):
    key: str
    title: str
    short: str = Field(description="How a citizen names it in a comment: «выплату на ребенка»")
    register_number: str | None
    direction: Direction
    stages: list[Stage]
    life_situations: list[str]
    popularity: float = Field(gt=0, description="Relative volume of feedback")
    quality: float = Field(ge=1, le=5, description="Mean rating the service starts from")
    offline_share: float = Field(ge=0, le=1, description="Share of in-person interactions")
    client_types: dict[ClientType, float] = Field(default={ClientType.INDIVIDUAL: 1.0})
    volume_by_month: dict[int, float] = Field(
        default_factory=dict, description="Seasonal factor by month (0 = the current one)"
    )


class TouchpointSpec(_Spec):
    kind: TouchpointKind
    name: str
    is_digital: bool | None = None
    url: str | None = None
    address: str | None = None
    needs: list[ClientNeed]
    channels: list[Channel] = Field(description="Feedback channels that happen at this point")


class AgencySpec(_Spec):
    key: str
    name: str
    short_name: str
    level: AgencyLevel
    domain: str
    official: str
    order_prefix: str
    maturity: float = Field(ge=0, le=1, description="Share of checklist items already done")
    mfc: bool = Field(description="Its services are offered in the region's MFC offices")
    office: str | None = Field(description="Address of its own reception, if it has one")
    contact_center: str
    extra_touchpoints: list[TouchpointSpec]
    units: dict[str, str] = Field(description="Executors of plan items by role")
    services: list[ServiceSpec]


class Story(_Spec):
    """A change in one service's ratings during some months: what the reports should show."""

    service: str
    from_month: int = Field(le=0, description="First month it holds (0 = the current one)")
    to_month: int = Field(le=0)
    channels: list[Channel] | None = None
    stages: list[Stage] | None = None
    shifts: dict[str, float] = Field(
        description="Change of the mean score of criteria, `rating` for the overall one"
    )
    pains: list[Pain] = Field(description="Pain categories complained about more meanwhile")
    note: str

    @field_validator("shifts")
    @classmethod
    def _known_scores(cls, shifts: dict[str, float]) -> dict[str, float]:
        unknown = set(shifts) - {"rating", *(c.value for c in Criterion)}
        if unknown:
            raise ValueError(f"unknown scores: {sorted(unknown)}")
        return shifts


class Region(_Spec):
    name: str
    region_code: str
    capital: str
    regional_portal: str
    mfc_offices: list[Office]
    life_situations: list[LifeSituationSpec]
    agencies: list[AgencySpec]
    stories: list[Story]

    def scaled(self, *, agencies: int | None, services_per_agency: int | None) -> "Region":
        """The first agencies and the first services of each (for small runs and tests)."""
        kept = [
            a.model_copy(update={"services": a.services[:services_per_agency]})
            for a in self.agencies[:agencies]
        ]
        keys = {s.key for a in kept for s in a.services}
        situations = {code for a in kept for s in a.services for code in s.life_situations}
        return self.model_copy(
            update={
                "agencies": kept,
                "life_situations": [s for s in self.life_situations if s.code in situations],
                "stories": [s for s in self.stories if s.service in keys],
            }
        )

    def services(self) -> list[tuple[AgencySpec, ServiceSpec]]:
        return [(agency, service) for agency in self.agencies for service in agency.services]


@functools.cache
def load_region() -> Region:
    return Region.model_validate_json(DATA_FILE.read_text(encoding="utf-8"))
