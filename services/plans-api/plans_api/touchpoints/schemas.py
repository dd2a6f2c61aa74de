import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator
from pydantic.config import JsonDict

from otklik_shared.vocab import Direction
from otklik_shared.vocab_touchpoints import (
    CLIENT_NEED_LABELS,
    TOUCHPOINT_KIND_LABELS,
    ClientNeed,
    TouchpointKind,
)
from plans_api.touchpoints.basis import BASIS_LABELS, TouchpointBasis

E = TypeVar("E", bound=StrEnum)
Url = Annotated[str, Field(pattern=r"^https?://\S+$", max_length=2000)]
Address = Annotated[str, Field(min_length=3, max_length=1000)]
FeedbackChannel = Annotated[
    str,
    Field(
        max_length=1000,
        description="How feedback is collected there: a survey link, a QR code, a terminal…",
    ),
]
BasisKind = Annotated[
    TouchpointBasis,
    Field(
        description="What the touchpoint rests on (seed 003, 3.6): an NPA, an internal act, "
        "an agreement on its work, or an order (поручение, резолюция)"
    ),
]
BasisDocument = Annotated[
    str,
    Field(
        min_length=3,
        max_length=1000,
        description="The act itself: its kind, date, number and title",
        examples=["Административный регламент, утв. приказом от 01.02.2024 № 12-П, п. 2.3"],
    ),
]
ResponsibleUnit = Annotated[
    str,
    Field(
        min_length=2,
        max_length=500,
        description="The unit or organisation that prepares the touchpoint's information "
        "(seed 003, 3.4)",
    ),
]
ResponsiblePersons = Annotated[
    list[Annotated[str, Field(min_length=2, max_length=300)]],
    Field(
        max_length=10,
        description="Authorised persons responsible for the touchpoint's entry, each with "
        "position (seed 003, 3.2–3.3)",
    ),
]
ServiceIds = Annotated[
    list[uuid.UUID],
    Field(max_length=200, description="Services and functions of the same agency served here"),
]


def canonical(values: list[E]) -> list[E]:
    """Values in their vocabulary's order; a value given twice is an error."""
    if len(set(values)) != len(values):
        raise ValueError("each value may be given once")
    order = {member: index for index, member in enumerate(type(values[0]))} if values else {}
    return sorted(values, key=order.__getitem__)


def _canonical_or_none(values: list[E] | None) -> list[E] | None:
    return None if values is None else canonical(values)


_EXAMPLE: JsonDict = {
    "agency_id": "3f0e6d0c-8a57-4d4e-9a51-5b3c2a1d9e10",
    "kind": "one_stop_center",
    "is_digital": False,
    "name": "МФЦ «Мои документы», отделение на ул. Ленина",
    "url": None,
    "address": "г. Примерск, ул. Ленина, д. 1",
    "directions": ["state_services", "support_measures"],
    "client_needs": ["consultation", "submission", "result"],
    "collects_feedback": True,
    "feedback_channel": "Терминал оценки качества в зале ожидания",
    "service_ids": ["9b2f1c3e-2a4d-4f6b-8c7d-0e1f2a3b4c5d"],
    "basis_kind": "agreement",
    "basis_document": "Соглашение о взаимодействии с МФЦ от 10.01.2024 № 5",
    "responsible_unit": "Отдел организации предоставления услуг",
    "responsible_persons": ["Заместитель министра, куратор перечня"],
}


class TouchpointCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_EXAMPLE]})

    agency_id: uuid.UUID
    kind: TouchpointKind
    is_digital: bool | None = Field(
        default=None,
        description="Omit when the kind decides it; required for kinds that may be either",
    )
    name: str = Field(min_length=2, max_length=500)
    url: Url | None = Field(default=None, description="Required for a digital touchpoint")
    address: Address | None = Field(
        default=None,
        description="Required for an offline touchpoint (for a call centre: its phone number)",
    )
    directions: list[Direction] = Field(min_length=1, max_length=len(Direction))
    client_needs: list[ClientNeed] = Field(min_length=1, max_length=len(ClientNeed))
    collects_feedback: bool
    feedback_channel: FeedbackChannel | None = None
    service_ids: ServiceIds = Field(default_factory=list)
    basis_kind: BasisKind | None = None
    basis_document: BasisDocument | None = None
    responsible_unit: ResponsibleUnit | None = None
    responsible_persons: ResponsiblePersons = Field(default_factory=list)

    _canonical = field_validator("directions", "client_needs")(canonical)


class TouchpointUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"client_needs": ["information", "feedback"]}]},
    )

    kind: TouchpointKind | None = None
    is_digital: bool | None = None
    name: str | None = Field(default=None, min_length=2, max_length=500)
    url: Url | None = None
    address: Address | None = None
    directions: list[Direction] | None = Field(
        default=None, min_length=1, max_length=len(Direction)
    )
    client_needs: list[ClientNeed] | None = Field(
        default=None, min_length=1, max_length=len(ClientNeed)
    )
    collects_feedback: bool | None = None
    feedback_channel: FeedbackChannel | None = None
    service_ids: ServiceIds | None = None
    basis_kind: BasisKind | None = None
    basis_document: BasisDocument | None = None
    responsible_unit: ResponsibleUnit | None = None
    responsible_persons: ResponsiblePersons | None = None

    _canonical = field_validator("directions", "client_needs")(_canonical_or_none)


class TouchpointRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    **_EXAMPLE,
                    "id": "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
                    "kind_label": TOUCHPOINT_KIND_LABELS[TouchpointKind.ONE_STOP_CENTER],
                    "basis_label": BASIS_LABELS[TouchpointBasis.AGREEMENT],
                    "client_need_labels": [
                        CLIENT_NEED_LABELS[need]
                        for need in (
                            ClientNeed.CONSULTATION,
                            ClientNeed.SUBMISSION,
                            ClientNeed.RESULT,
                        )
                    ],
                    "created_at": "2026-11-01T09:00:00Z",
                    "updated_at": "2026-11-01T09:00:00Z",
                }
            ]
        },
    )

    id: uuid.UUID
    agency_id: uuid.UUID
    kind: TouchpointKind
    is_digital: bool
    name: str
    url: str | None
    address: str | None
    directions: list[Direction]
    client_needs: list[ClientNeed]
    collects_feedback: bool
    feedback_channel: str | None
    service_ids: list[uuid.UUID]
    basis_kind: TouchpointBasis | None
    basis_document: str | None
    responsible_unit: str | None
    responsible_persons: list[str]
    created_at: datetime
    updated_at: datetime

    @computed_field  # type: ignore[prop-decorator]
    @property
    def kind_label(self) -> str:
        return TOUCHPOINT_KIND_LABELS[self.kind]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def basis_label(self) -> str | None:
        return BASIS_LABELS[self.basis_kind] if self.basis_kind else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def client_need_labels(self) -> list[str]:
        return [CLIENT_NEED_LABELS[need] for need in self.client_needs]


@dataclass(frozen=True, slots=True)
class TouchpointFilter:
    agency_id: uuid.UUID | None = None
    direction: Direction | None = None
    kind: TouchpointKind | None = None
    service_id: uuid.UUID | None = None
    digital: bool | None = None
    collects_feedback: bool | None = None
