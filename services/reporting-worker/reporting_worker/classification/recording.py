"""Classifying the comments of a batch of feedback and recording what was found: comments per
pain category, a few representative quotes per key and day, and a `feedback.classified` event
that takes the categories back to feedback-api."""

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.events.publisher import new_event_fields, publish
from otklik_shared.events import ClassificationPayload, FeedbackClassified, FeedbackPayload
from reporting_worker.aggregates.counting import (
    CATEGORY_KEY_COLUMNS,
    KEY_COLUMNS,
    Key,
    Totals,
    add_counts,
    aggregate_key,
)
from reporting_worker.aggregates.models import CATEGORY_COUNTERS, FeedbackCategoryDaily
from reporting_worker.classification.classifier import Classification, Classifier
from reporting_worker.classification.models import CommentQuote
from reporting_worker.database import PRODUCER, outbox

QUOTE_MAX_CHARS = 500
# quotes kept per aggregate key and day: a report shows a few per pain cell, picked from these
QUOTES_PER_KEY_DAY = 3
# event ids of classifications derive from the feedback id: a repeat is recognisably the same
CLASSIFIED_EVENT_NAMESPACE = uuid.UUID("6f1d7e3a-2b4c-4e5f-9a8b-0c1d2e3f4a5b")

Classified = Mapping[uuid.UUID, Classification]


def classify_comments(classifier: Classifier, feedbacks: Iterable[FeedbackPayload]) -> Classified:
    """The classification of every feedback that has a comment, by feedback id."""
    return {
        feedback.feedback_id: classifier.classify(feedback.comment, feedback.rating)
        for feedback in feedbacks
        if feedback.comment
    }


async def record_classifications(
    session: AsyncSession, feedbacks: Sequence[FeedbackPayload], classified: Classified
) -> None:
    """The live path: adds a batch's classified comments to the category counts, keeps quotes
    while their key and day has room, and announces the classifications."""
    commented = [f for f in feedbacks if f.feedback_id in classified]
    if not commented:
        return
    await add_category_counts(session, count_categories(commented, classified))
    picker = QuotePicker()
    picker.add(commented, classified)
    kept = await _quotes_kept(session, picker.keys())
    await keep_quotes(session, picker.rows(lambda key: QUOTES_PER_KEY_DAY - kept.get(key, 0)))
    await publish(session, outbox, *classified_events(commented, classified))


def count_categories(feedbacks: Iterable[FeedbackPayload], classified: Classified) -> Totals:
    """Per key and category (a comment counts once in each of its categories): comments,
    negative comments, the sum of their ratings."""
    totals: Totals = defaultdict(lambda: [0] * len(CATEGORY_COUNTERS))
    for feedback in feedbacks:
        result = classified.get(feedback.feedback_id)
        if result is None:
            continue
        key = aggregate_key(feedback)
        for category in result.category_codes:
            row = totals[(*key, category.value)]
            row[0] += 1
            row[1] += result.sentiment == "negative"
            row[2] += feedback.rating
    return totals


async def add_category_counts(session: AsyncSession, totals: Totals) -> None:
    await add_counts(
        session, FeedbackCategoryDaily, CATEGORY_KEY_COLUMNS, CATEGORY_COUNTERS, totals
    )


def classified_event_id(feedback_id: uuid.UUID) -> uuid.UUID:
    return uuid.uuid5(CLASSIFIED_EVENT_NAMESPACE, str(feedback_id))


def classified_events(
    feedbacks: Iterable[FeedbackPayload], classified: Classified
) -> list[FeedbackClassified]:
    events = []
    for feedback in feedbacks:
        result = classified.get(feedback.feedback_id)
        if result is None:
            continue
        events.append(
            FeedbackClassified(
                **{**new_event_fields(PRODUCER), "id": classified_event_id(feedback.feedback_id)},
                payload=ClassificationPayload(
                    feedback_id=feedback.feedback_id,
                    categories=result.category_codes,
                    sentiment=result.sentiment,
                ),
            )
        )
    return events


def _preference(feedback: FeedbackPayload, result: Classification) -> tuple[int, ...]:
    """Lower is better: negative first, a real pain over `other`/`praise`, a comment of
    readable length, the lower rating."""
    codes = {category.value for category in result.category_codes}
    readable = 30 <= len(feedback.comment or "") <= QUOTE_MAX_CHARS
    return (
        {"negative": 0, "neutral": 1, "positive": 2}[result.sentiment],
        0 if codes - {"other", "praise"} else 1,
        0 if readable else 1,
        feedback.rating,
    )


class QuotePicker:
    """Keeps the best few quote candidates per key and day, across as many batches as given."""

    def __init__(self) -> None:
        self._best: dict[Key, list[tuple[tuple[int, ...], str, dict[str, Any]]]] = defaultdict(list)

    def add(self, feedbacks: Iterable[FeedbackPayload], classified: Classified) -> None:
        touched = set()
        for feedback in feedbacks:
            result = classified.get(feedback.feedback_id)
            if result is None:
                continue
            key = aggregate_key(feedback)
            # the feedback id breaks ties, so the pick does not depend on arrival order
            candidate = (_preference(feedback, result), str(feedback.feedback_id))
            self._best[key].append((*candidate, _quote_row(feedback, key, result)))
            touched.add(key)
        for key in touched:
            self._best[key] = sorted(self._best[key], key=lambda c: c[:2])[:QUOTES_PER_KEY_DAY]

    def keys(self) -> list[Key]:
        return list(self._best)

    def rows(self, room: Callable[[Key], int] | None = None) -> list[dict[str, Any]]:
        """The rows to keep; `room(key)` says how many more the key and day can take."""
        return [
            row
            for key, candidates in self._best.items()
            for _, _, row in candidates[: max(0, room(key)) if room else QUOTES_PER_KEY_DAY]
        ]


def _quote_row(feedback: FeedbackPayload, key: Key, result: Classification) -> dict[str, Any]:
    return {
        "feedback_id": feedback.feedback_id,
        **dict(zip(KEY_COLUMNS, key, strict=True)),
        "rating": feedback.rating,
        "text": _shorten(feedback.comment or ""),
        "categories": [category.value for category in result.category_codes],
        "sentiment": result.sentiment,
        "received_at": feedback.received_at,
    }


async def keep_quotes(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    if rows:
        table: Any = CommentQuote.__table__
        await session.execute(insert(table).on_conflict_do_nothing(), rows)


async def _quotes_kept(session: AsyncSession, keys: list[Key]) -> dict[Key, int]:
    columns = [getattr(CommentQuote, name) for name in KEY_COLUMNS]
    found = await session.execute(
        select(*columns, func.count()).where(tuple_(*columns).in_(keys)).group_by(*columns)
    )
    return {tuple(row[:-1]): row[-1] for row in found}


def _shorten(text: str) -> str:
    if len(text) <= QUOTE_MAX_CHARS:
        return text
    return text[: QUOTE_MAX_CHARS - 1].rstrip() + "…"
