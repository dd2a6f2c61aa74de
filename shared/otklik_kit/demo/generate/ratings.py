"""Scores: a mean per service, stage and channel that the region's stories move over the months,
the criteria a citizen can judge where the interaction happened, and J-shaped 1–5 ratings."""

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from otklik_kit.demo.region import ServiceSpec, Story
from otklik_shared.vocab import Channel, Criterion, Stage

STAGE_OFFSET = {
    Stage.INFORMATION: 0.05,
    Stage.CONSULTATION: 0.0,
    Stage.APPOINTMENT: -0.05,
    Stage.APPLICATION: -0.1,
    Stage.PAYMENT: -0.2,
    Stage.PROCESSING: -0.25,
    Stage.ADDITIONAL_DOCUMENTS: -0.45,
    Stage.INSPECTION: -0.15,
    Stage.DECISION: -0.2,
    Stage.RESULT: 0.1,
    Stage.AFTER_RESULT: 0.0,
}
CHANNEL_OFFSET = {
    Channel.EPGU: 0.1,
    Channel.MOBILE_APP: 0.05,
    Channel.OFFICIAL_SITE: -0.05,
    Channel.MFC: 0.05,
    Channel.AGENCY_OFFICE: -0.15,
    Channel.CONTACT_CENTER: -0.3,
    Channel.CHAT_BOT: -0.25,
    Channel.VOICE_ASSISTANT: -0.3,
    Channel.SOCIAL_NETWORK: -0.4,
    Channel.EMAIL: -0.3,
    Channel.POST: -0.3,
    Channel.TERMINAL: 0.1,
}
IN_PERSON = frozenset({Channel.MFC, Channel.AGENCY_OFFICE, Channel.TERMINAL})
BY_PHONE_OR_CHAT = frozenset(
    {Channel.CONTACT_CENTER, Channel.VOICE_ASSISTANT, Channel.CHAT_BOT, Channel.MESSENGER}
)
LATE_STAGES = frozenset({Stage.PROCESSING, Stage.DECISION, Stage.RESULT})
EARLY_STAGES = frozenset({Stage.INFORMATION, Stage.CONSULTATION})
RAMP_DAYS = 7


@dataclass(frozen=True, slots=True)
class Situation:
    """One interaction: which service, where on its path, through which channel, when."""

    service: ServiceSpec
    stage: Stage | None
    channel: Channel
    day: date
    month: int  # 0 = the current month, -1 the previous one…

    def matches(self, story: Story) -> bool:
        return (
            story.service == self.service.key
            and story.from_month <= self.month <= story.to_month
            and (story.channels is None or self.channel in story.channels)
            and (story.stages is None or self.stage in story.stages)
        )


def story_weight(story: Story, situation: Situation) -> float:
    """1 while a story holds, rising over its first week so a change does not look like a step."""
    first = situation.day.replace(day=1)
    if situation.month != story.from_month:
        return 1.0
    return min(1.0, ((situation.day - first).days + 1) / RAMP_DAYS)


def active_stories(stories: Sequence[Story], situation: Situation) -> list[tuple[Story, float]]:
    return [(s, story_weight(s, situation)) for s in stories if situation.matches(s)]


def criterion_bias(service: ServiceSpec, criterion: Criterion) -> float:
    """A service's lasting strengths and weaknesses, -0.3..+0.3, fixed by its key."""
    digest = hashlib.sha256(f"{service.key}:{criterion.value}".encode()).digest()
    return (digest[0] / 255 - 0.5) * 0.6


def relevant_criteria(situation: Situation) -> list[Criterion]:
    """What a citizen can judge at that point: the queue and the hall only in person."""
    criteria = []
    if situation.channel in IN_PERSON:
        criteria += [Criterion.QUEUE_WAIT, Criterion.STAFF_COURTESY, Criterion.PREMISES_COMFORT]
    elif situation.channel in BY_PHONE_OR_CHAT:
        criteria.append(Criterion.STAFF_COURTESY)
    if situation.stage in LATE_STAGES:
        criteria.append(Criterion.PROVISION_TIME)
    if situation.stage in EARLY_STAGES or situation.channel not in IN_PERSON:
        criteria.append(Criterion.INFO_AVAILABILITY)
    return criteria


# satisfied citizens give a 5 more often than a 4: the scale tops out (ratings are J-shaped)
CEILING_PULL = 0.4


def score(rng: random.Random, mean: float, spread: float = 1.0) -> int:
    """1–5 around `mean`, with the extra ones of angry citizens."""
    if rng.random() < 0.025 + 0.06 * max(0.0, 3.6 - mean):
        return 1
    return max(1, min(5, round(mean + CEILING_PULL + rng.gauss(0, spread))))


@dataclass(frozen=True, slots=True)
class Scores:
    rating: int
    criteria: dict[Criterion, int]


def rate(rng: random.Random, situation: Situation, stories: list[tuple[Story, float]]) -> Scores:
    shifts: dict[str, float] = {}
    for story, weight in stories:
        for name, shift in story.shifts.items():
            shifts[name] = shifts.get(name, 0.0) + shift * weight
    base = (
        situation.service.quality
        + (STAGE_OFFSET[situation.stage] if situation.stage else 0.0)
        + CHANNEL_OFFSET.get(situation.channel, 0.0)
    )
    overall_shift = shifts.get("rating", 0.0)
    mean = base + overall_shift
    criteria: dict[Criterion, int] = {}
    if rng.random() < 0.5:
        for criterion in relevant_criteria(situation):
            if rng.random() < 0.8:
                bias = criterion_bias(situation.service, criterion)
                # a bad month shows in every criterion a little, in its own one most
                value = base + bias + shifts.get(criterion.value, 0.0) + overall_shift / 2
                criteria[criterion] = score(rng, value)
    if criteria:
        mean = 0.45 * mean + 0.55 * sum(criteria.values()) / len(criteria)
        return Scores(score(rng, mean, spread=0.75), criteria)
    return Scores(score(rng, mean), criteria)
