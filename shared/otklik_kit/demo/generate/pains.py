"""What a comment complains about: likelier pains by the stage, the channel, the worst criterion
and the story of the month, so the pain map points at real places."""

import random

from otklik_kit.demo.generate.ratings import BY_PHONE_OR_CHAT, IN_PERSON, Scores, Situation
from otklik_kit.demo.region import Story
from otklik_shared.vocab import Criterion, Stage
from otklik_shared.vocab import PainCategory as Pain

BY_STAGE: dict[Stage | None, dict[Pain, float]] = {
    None: {Pain.DIGITAL_SERVICE: 2, Pain.INFORMATION: 2, Pain.OTHER: 1},
    Stage.INFORMATION: {Pain.INFORMATION: 3, Pain.DIGITAL_SERVICE: 1, Pain.OTHER: 0.3},
    Stage.CONSULTATION: {Pain.INFORMATION: 2, Pain.STAFF_CONDUCT: 1.5, Pain.WAITING_TIME: 0.5},
    Stage.APPOINTMENT: {Pain.WAITING_TIME: 2.5, Pain.DIGITAL_SERVICE: 2, Pain.NOTIFICATION: 0.5},
    Stage.APPLICATION: {
        Pain.DOCUMENTS: 2.5,
        Pain.WAITING_TIME: 1.5,
        Pain.DIGITAL_SERVICE: 1.5,
        Pain.STAFF_CONDUCT: 1,
        Pain.REFUSAL: 0.7,
        Pain.INFORMATION: 0.5,
    },
    Stage.PAYMENT: {Pain.PAYMENT: 4, Pain.DIGITAL_SERVICE: 1},
    Stage.PROCESSING: {Pain.DEADLINES: 3, Pain.NOTIFICATION: 1.5, Pain.DOCUMENTS: 0.7},
    Stage.ADDITIONAL_DOCUMENTS: {Pain.DOCUMENTS: 3.5, Pain.DEADLINES: 1, Pain.NOTIFICATION: 1},
    Stage.INSPECTION: {Pain.STAFF_CONDUCT: 2, Pain.DEADLINES: 1.5, Pain.OTHER: 0.5},
    Stage.DECISION: {
        Pain.REFUSAL: 2.5,
        Pain.DEADLINES: 1.5,
        Pain.INFORMATION: 1,
        Pain.NOTIFICATION: 1,
        Pain.PAYMENT: 0.5,
    },
    Stage.RESULT: {
        Pain.DEADLINES: 1.5,
        Pain.NOTIFICATION: 1.5,
        Pain.WAITING_TIME: 1,
        Pain.DOCUMENTS: 0.7,
        Pain.PAYMENT: 0.5,
    },
    Stage.AFTER_RESULT: {Pain.OTHER: 1.5, Pain.NOTIFICATION: 1, Pain.PAYMENT: 1},
}
BY_CRITERION = {
    Criterion.QUEUE_WAIT: Pain.WAITING_TIME,
    Criterion.PROVISION_TIME: Pain.DEADLINES,
    Criterion.STAFF_COURTESY: Pain.STAFF_CONDUCT,
    Criterion.PREMISES_COMFORT: Pain.PREMISES,
    Criterion.INFO_AVAILABILITY: Pain.INFORMATION,
}
IN_PERSON_ONLY = frozenset({Pain.WAITING_TIME, Pain.PREMISES, Pain.STAFF_CONDUCT})


def pain_weights(
    situation: Situation, scores: Scores, stories: list[tuple[Story, float]]
) -> dict[Pain, float]:
    weights = dict(BY_STAGE[situation.stage])
    if situation.channel in IN_PERSON:
        weights[Pain.WAITING_TIME] = weights.get(Pain.WAITING_TIME, 0) * 2 + 0.5
        weights[Pain.PREMISES] = weights.get(Pain.PREMISES, 0) + 0.8
        weights[Pain.STAFF_CONDUCT] = weights.get(Pain.STAFF_CONDUCT, 0) * 1.5 + 0.3
        weights[Pain.DIGITAL_SERVICE] = weights.get(Pain.DIGITAL_SERVICE, 0) * 0.1
    elif situation.channel in BY_PHONE_OR_CHAT:
        weights = {p: w for p, w in weights.items() if p not in IN_PERSON_ONLY}
        weights[Pain.CONTACT_CENTER] = 3
    else:
        weights = {p: w for p, w in weights.items() if p not in IN_PERSON_ONLY}
        weights[Pain.DIGITAL_SERVICE] = weights.get(Pain.DIGITAL_SERVICE, 0) * 2.5 + 0.5
    for criterion, value in scores.criteria.items():
        pain = BY_CRITERION[criterion]
        if value <= 2 and (pain not in IN_PERSON_ONLY or situation.channel in IN_PERSON):
            weights[pain] = weights.get(pain, 0) + 3
    for story, weight in stories:
        for pain in story.pains:
            weights[pain] = weights.get(pain, 0) + 6 * weight
    return {p: w for p, w in weights.items() if w > 0} or {Pain.OTHER: 1}


def pick_pains(rng: random.Random, weights: dict[Pain, float], *, most: int) -> list[Pain]:
    """One pain, sometimes two different ones."""
    pains, values = list(weights), list(weights.values())
    first = rng.choices(pains, weights=values)[0]
    if most < 2 or len(pains) < 2 or rng.random() > 0.22:
        return [first]
    rest = [(p, w) for p, w in zip(pains, values, strict=True) if p != first]
    second = rng.choices([p for p, _ in rest], weights=[w for _, w in rest])[0]
    return [first, second]
