"""What the store hands back: frozen snapshots of rows, decoded from JSON and SQLite types."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.types import Draft, Entity, IntentScore, Understanding

# core types (drafting reads them) that the store hands back from here too
from bot.types import SentReply as SentReply
from bot.types import Turn as Turn

FEEDBACK_ACTIONS = ("accepted", "edited", "rejected")


@dataclass(frozen=True)
class ApiKeyInfo:
    key_id: str
    shop_id: str
    created_at: datetime
    revoked_at: datetime | None = None
    role: str = "agent"


@dataclass(frozen=True)
class NewKey:
    """The only moment the plain key exists; the store keeps its hash."""

    key: str
    info: ApiKeyInfo


@dataclass(frozen=True)
class NewSuggestion:
    shop_id: str
    conversation_id: str
    message: str
    understanding: Understanding
    drafts: tuple[Draft, ...]
    model_version: str
    created_at: datetime
    sent_at: datetime | None = None
    agent_id: str | None = None
    order_value: float | None = None


@dataclass(frozen=True)
class StoredDraft:
    draft_id: str
    text: str
    tactic: str
    facts: Mapping[str, Any] = field(default_factory=dict)
    needs_approval: bool = False
    auto_send_safe: bool = False


@dataclass(frozen=True)
class FeedbackRecord:
    suggestion_id: str
    draft_id: str | None
    action: str
    draft_text: str | None
    final_text: str | None
    agent_id: str
    created_at: datetime


@dataclass(frozen=True)
class StoredSuggestion:
    suggestion_id: str
    conversation_id: str
    message: str
    intent: str
    intent_ranking: tuple[IntentScore, ...]
    entities: tuple[Entity, ...]
    fallback: bool
    model_version: str
    created_at: datetime
    drafts: tuple[StoredDraft, ...]
    sent_at: datetime | None = None
    agent_id: str | None = None
    order_value: float | None = None
    feedback: tuple[FeedbackRecord, ...] = ()


@dataclass(frozen=True)
class Conversation:
    """A conversation's buyer messages in arrival order, each with its suggestion and feedback."""

    conversation_id: str
    started_at: datetime
    suggestions: tuple[StoredSuggestion, ...]


@dataclass(frozen=True)
class OutcomeCounts:
    """Verdicts for one intent or tactic; rates are over the items an agent gave a verdict on."""

    key: str
    suggestions: int
    with_feedback: int
    accepted: int
    edited: int
    rejected: int

    def rate(self, count: int) -> float | None:
        return round(count / self.with_feedback, 4) if self.with_feedback else None


@dataclass(frozen=True)
class Stats:
    since: datetime
    until: datetime
    by_intent: tuple[OutcomeCounts, ...]
    by_tactic: tuple[OutcomeCounts, ...]
