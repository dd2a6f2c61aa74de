"""Feedback over the months, as the bodies `POST /api/v1/feedback/batch` takes: volume by day and
service, then for each one its stage, channel, touchpoint, moment, scores and maybe a comment."""

import random
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from otklik_kit.demo.generate import channels, rhythm
from otklik_kit.demo.generate.comments import CommentWriter, Context
from otklik_kit.demo.generate.pains import pain_weights, pick_pains
from otklik_kit.demo.generate.ratings import IN_PERSON, Scores, Situation, active_stories, rate
from otklik_kit.demo.region import AgencySpec, ServiceSpec, Story
from otklik_shared.vocab import Channel, ClientType, Stage

COMMENT_CHANCE = {1: 0.62, 2: 0.55, 3: 0.36, 4: 0.25, 5: 0.25}
# feedback on the agency as a whole (its site, its app) beside the services'
WHOLE_AGENCY_SHARE = 0.03
WHOLE_AGENCY_CHANNELS = {Channel.OFFICIAL_SITE: 3, Channel.MOBILE_APP: 2, Channel.EPGU: 1}
# stages by which the citizen has a case number to quote
CASE_STAGES = frozenset(
    {Stage.PROCESSING, Stage.ADDITIONAL_DOCUMENTS, Stage.INSPECTION, Stage.DECISION, Stage.RESULT}
)


@dataclass(frozen=True)
class Target:
    """What feedback can be about once the catalog is loaded: a service, or (service None)
    the agency as a whole; with the agency's touchpoint ids by channel."""

    agency: AgencySpec
    agency_id: str
    service: ServiceSpec | None
    service_id: str | None
    touchpoints: Mapping[Channel, Sequence[str]]

    def volume(self, month: int) -> float:
        if self.service is None:
            return sum(s.popularity for s in self.agency.services) * WHOLE_AGENCY_SHARE
        return self.service.popularity * self.service.volume_by_month.get(month, 1.0)


@dataclass
class FeedbackStats:
    posted: int = 0
    comments: int = 0
    contacts: int = 0
    by_month: Counter[int] = field(default_factory=Counter)


def allocate(total: int, weights: Sequence[float]) -> list[int]:
    """`total` split in proportion to `weights`, whole numbers (largest remainders)."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - counts[i], reverse=True)
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


class FeedbackGenerator:
    def __init__(
        self,
        targets: Sequence[Target],
        stories: Sequence[Story],
        *,
        total: int,
        months: int,
        end: datetime,
        seed: int,
    ) -> None:
        self.targets = targets
        self.stories = stories
        self.end = end
        self.stats = FeedbackStats()
        self._rng = random.Random(f"{seed}:feedback")
        self._writer = CommentWriter(random.Random(f"{seed}:comments"))
        self._key_prefix = f"demo-{int(end.timestamp())}"
        self._today = rhythm.window_days(end, 0)[-1]
        self._plan = self._daily_counts(total, rhythm.window_days(end, months))

    def _daily_counts(self, total: int, days: list[date]) -> list[tuple[date, list[int]]]:
        rng = random.Random(self._rng.random())
        cells: list[float] = []
        for index, day in enumerate(days):
            weight = rhythm.day_weight(day, index / max(1, len(days) - 1), rng)
            month = rhythm.month_offset(day, self._today)
            cells += [weight * target.volume(month) for target in self.targets]
        counts = allocate(total, cells)
        width = len(self.targets)
        return [(day, counts[i * width : (i + 1) * width]) for i, day in enumerate(days)]

    def batches(self, size: int) -> Iterator[list[dict[str, Any]]]:
        """Bodies in the order of the days, `size` at a time."""
        batch: list[dict[str, Any]] = []
        for day, counts in self._plan:
            for target, count in zip(self.targets, counts, strict=True):
                for _ in range(count):
                    batch.append(self._feedback(target, day))
                    if len(batch) == size:
                        yield batch
                        batch = []
        if batch:
            yield batch

    def _feedback(self, target: Target, day: date) -> dict[str, Any]:
        rng = self._rng
        month = rhythm.month_offset(day, self._today)
        stage, channel = self._where(target, day)
        body: dict[str, Any] = {"channel": channel.value}
        if target.service is not None:
            body |= {"service_id": target.service_id, "stage": stage.value if stage else None}
        else:
            body["agency_id"] = target.agency_id
        points = target.touchpoints.get(channel)
        if points and rng.random() < 0.85:
            body["touchpoint_id"] = rng.choice(points)
        # the agency-wide feedback reads as the first service's for the rating model
        service = target.service or target.agency.services[0]
        situation = Situation(service, stage, channel, day, month)
        stories = active_stories(self.stories, situation)
        scores = rate(rng, situation, stories)
        at = rhythm.moment(rng, day, in_person=channel in IN_PERSON, until=self.end)
        body |= {
            "rating": scores.rating,
            "criteria": {c.value: v for c, v in scores.criteria.items()},
            "client_type": self._client_type(service).value,
            "occurred_at": at.isoformat(),
            "idempotency_key": f"{self._key_prefix}-{self.stats.posted:07d}",
        }
        if rng.random() < COMMENT_CHANCE[scores.rating]:
            self._comment(body, situation, scores, stories)
        if stage in CASE_STAGES and rng.random() < 0.25:
            body["case_number"] = f"{day.year}-{rng.randrange(10**8):08d}"
        self.stats.posted += 1
        self.stats.by_month[month] += 1
        return body

    def _where(self, target: Target, day: date) -> tuple[Stage | None, Channel]:
        rng = self._rng
        if target.service is None:
            offered = [c for c in WHOLE_AGENCY_CHANNELS if c in target.touchpoints]
            weights = [WHOLE_AGENCY_CHANNELS[c] for c in offered]
            return None, rng.choices(offered or [Channel.EPGU], weights=weights or None)[0]
        stages = channels.stage_weights(target.service)
        stage = rng.choices(list(stages), weights=list(stages.values()))[0]
        by_channel = channels.channel_weights(
            target.service, stage, day.weekday(), target.touchpoints, in_mfc=target.agency.mfc
        )
        channel = rng.choices(list(by_channel), weights=list(by_channel.values()))[0]
        return stage, channel

    def _client_type(self, service: ServiceSpec) -> ClientType:
        kinds = service.client_types
        return self._rng.choices(list(kinds), weights=list(kinds.values()))[0]

    def _comment(
        self,
        body: dict[str, Any],
        situation: Situation,
        scores: Scores,
        stories: list[tuple[Story, float]],
    ) -> None:
        rng = self._rng
        context = Context(situation.service.short, situation.channel)
        weights = pain_weights(situation, scores, stories)
        if scores.rating >= 4:
            wish = pick_pains(rng, weights, most=1)[0] if rng.random() < 0.25 else None
            body["comment"] = self._writer.praise(context, wish)
        else:
            pains = pick_pains(rng, weights, most=2)
            body["comment"] = self._writer.complaint(pains, context, mixed=scores.rating == 3)
            if scores.rating <= 2 and rng.random() < 0.3:
                body["answer_requested"] = True
                if rng.random() < 0.01:
                    body["contact"] = self._fake_contact()
        self.stats.comments += 1

    def _fake_contact(self) -> dict[str, Any]:
        """Obviously invented: a numbered demo name, example.org, a 000 phone number."""
        self.stats.contacts += 1
        number = self.stats.contacts
        if number % 2:
            return {
                "name": f"Демо-заявитель {number}",
                "email": f"demo{number}@example.org",
                "consent": True,
            }
        return {
            "name": f"Демо-заявитель {number}",
            "phone": f"+7 000 000-{number % 10000:04d}",
            "consent": True,
        }
