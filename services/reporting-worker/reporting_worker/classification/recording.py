"""Classifying the comments of a batch of feedback and recording what was found: comments per
pain category, a few representative quotes per key and day, and a `feedback.classified` event
that takes the categories back to feedback-api."""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.events.publisher import new_event_fields, publish
from otklik_shared.events import ClassificationPayload, FeedbackClassified, FeedbackPayload
from reporting_worker.aggregates.counting import KEY_COLUMNS, Key, aggregate_key
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
    session: AsyncSession,
    feedbacks: Sequence[FeedbackPayload],
    classified: Classified,
    *,
    announce: bool = True,
) -> None:
    commented = [f for f in feedbacks if f.feedback_id in classified]
    if not commented:
        return
    await _add_category_counts(session, commented, classified)
    await _keep_quotes(session, commented, classified)
    if announce:
        await publish(session, outbox, *classified_events(commented, classified))


def classified_event_id(feedback_id: uuid.UUID) -> uuid.UUID:
    return uuid.uuid5(CLASSIFIED_EVENT_NAMESPACE, str(feedback_id))


def classified_events(
    feedbacks: Iterable[FeedbackPayload], classified: Classified
) -> list[FeedbackClassified]:
    events = []
    for feedback in feedbacks:
        result = classified[feedback.feedback_id]
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


async def _add_category_counts(
    session: AsyncSession, feedbacks: Sequence[FeedbackPayload], classified: Classified
) -> None:
    totals: dict[tuple[Key, str], list[int]] = defaultdict(lambda: [0] * len(CATEGORY_COUNTERS))
    for feedback in feedbacks:
        result = classified[feedback.feedback_id]
        key = aggregate_key(feedback)
        for category in result.category_codes:
            row = totals[(key, category.value)]
            row[0] += 1
            row[1] += result.sentiment == "negative"
            row[2] += feedback.rating
    # sorted keys: concurrent workers lock rows in the same order (no deadlocks)
    rows: list[dict[str, Any]] = [
        {
            **dict(zip(KEY_COLUMNS, key, strict=True)),
            "category": category,
            **dict(zip(CATEGORY_COUNTERS, values, strict=True)),
        }
        for (key, category), values in sorted(
            totals.items(), key=lambda item: (tuple(map(str, item[0][0])), item[0][1])
        )
    ]
    statement = insert(FeedbackCategoryDaily).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=[*KEY_COLUMNS, "category"],
        set_={
            name: getattr(FeedbackCategoryDaily, name) + statement.excluded[name]
            for name in CATEGORY_COUNTERS
        },
    )
    await session.execute(statement)


def _quote_preference(feedback: FeedbackPayload, result: Classification) -> tuple[int, ...]:
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


async def _keep_quotes(
    session: AsyncSession,
    feedbacks: Sequence[FeedbackPayload],
    classified: Classified,
) -> None:
    by_key: dict[Key, list[FeedbackPayload]] = defaultdict(list)
    for feedback in feedbacks:
        by_key[aggregate_key(feedback)].append(feedback)
    kept = await _quotes_kept(session, list(by_key))
    rows = []
    for key, candidates in by_key.items():
        room = QUOTES_PER_KEY_DAY - kept.get(key, 0)
        if room <= 0:
            continue
        candidates.sort(key=lambda f: _quote_preference(f, classified[f.feedback_id]))
        for feedback in candidates[:room]:
            result = classified[feedback.feedback_id]
            rows.append(
                {
                    "feedback_id": feedback.feedback_id,
                    **dict(zip(KEY_COLUMNS, key, strict=True)),
                    "rating": feedback.rating,
                    "text": _shorten(feedback.comment or ""),
                    "categories": [category.value for category in result.category_codes],
                    "sentiment": result.sentiment,
                    "received_at": feedback.received_at,
                }
            )
    if rows:
        statement = insert(CommentQuote).values(rows).on_conflict_do_nothing()
        await session.execute(statement)


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
