"""The review queue: buyer messages worth labelling, grouped by normalised text, most frequent
first, leaving out texts the training data already holds."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.store.training import ReviewRow
from bot.training.examples import example_key

LOW_MARGIN = 0.1
FALLBACK, LOW_MARGIN_REASON = "fallback", "low_margin"


@dataclass(frozen=True)
class ReviewItem:
    text: str
    count: int
    reasons: tuple[str, ...]
    predicted_intent: str
    confidence: float | None
    last_seen: str


def reasons_for(row: ReviewRow) -> set[str]:
    reasons = {row.verdict} if row.verdict else set()
    if row.fallback:
        reasons.add(FALLBACK)
    scores = [item["confidence"] for item in row.intent_ranking[:2]] + [0.0]
    if len(row.intent_ranking) >= 1 and scores[0] - scores[1] < LOW_MARGIN:
        reasons.add(LOW_MARGIN_REASON)
    return reasons


def review_queue(
    rows: Iterable[ReviewRow], labelled_keys: set[str], limit: int = 50
) -> list[ReviewItem]:
    """`rows` in time order; an item shows the latest message's text and prediction."""
    groups: dict[str, list[ReviewRow]] = {}
    for row in rows:
        key = example_key(row.text)
        if key not in labelled_keys:
            groups.setdefault(key, []).append(row)
    items = [_item(group) for group in groups.values()]
    items.sort(key=lambda item: (-item.count, _reverse(item.last_seen), item.text))
    return items[:limit]


def _item(group: list[ReviewRow]) -> ReviewItem:
    latest = group[-1]
    reasons = set().union(*(reasons_for(row) for row in group))
    return ReviewItem(
        text=latest.text,
        count=len(group),
        reasons=tuple(sorted(reasons)),
        predicted_intent=latest.intent,
        confidence=latest.confidence,
        last_seen=latest.created_at,
    )


def _reverse(text: str) -> tuple[int, ...]:
    # newest first among equally frequent items; timestamps are fixed-width UTC text
    return tuple(-ord(char) for char in text)
