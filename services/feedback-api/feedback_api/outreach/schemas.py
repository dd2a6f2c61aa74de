import uuid
from dataclasses import dataclass

from otklik_shared.vocab import Direction
from otklik_shared.vocab_touchpoints import TouchpointKind


@dataclass(frozen=True, slots=True)
class PosterFilter:
    """Which of an agency's touchpoints get a poster: the registry's own filters."""

    agency_id: uuid.UUID | None = None
    direction: Direction | None = None
    kind: TouchpointKind | None = None
    service_id: uuid.UUID | None = None
