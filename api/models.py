"""Request and response bodies: the API's contract, documented on the OpenAPI page."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Extra, StrictStr, validator
from pydantic.errors import DictError

from bot.store.records import Conversation, FeedbackRecord, OutcomeCounts, Stats, StoredSuggestion
from bot.types import Entity, IntentScore, Understanding

MAX_TEXT = 2000
MAX_ID = 128
TOP_INTENTS = 3


def _text(value: str | None, limit: int) -> str | None:
    """Kept verbatim (no stripping): what the buyer or agent wrote is what gets stored."""
    if value is not None and not value.strip():
        raise ValueError("must not be empty or whitespace only")
    if value is not None and len(value) > limit:
        raise ValueError(f"must be at most {limit:,} characters (got {len(value):,})")
    return value


class _Body(BaseModel):
    class Config:
        extra = Extra.forbid

    @classmethod
    def validate(cls, value: Any) -> _Body:
        # pydantic 1 would turn a JSON array into a dict by pairing keys: [{"a": 1, "b": 2}]
        # becomes {"a": "b"}. A body is an object or an error.
        if not isinstance(value, dict):
            raise DictError()
        return super().validate(value)


class SuggestIn(_Body):
    conversation_id: StrictStr
    message: StrictStr
    sent_at: datetime | None = None
    agent_id: StrictStr | None = None
    order_value: float | None = None

    _ids = validator("conversation_id", "agent_id", allow_reuse=True)(lambda v: _text(v, MAX_ID))
    _message = validator("message", allow_reuse=True)(lambda v: _text(v, MAX_TEXT))

    @validator("sent_at", pre=True)
    def _sent_at_is_text(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, str):
            raise TypeError("must be an ISO 8601 date-time string")
        return value

    @validator("sent_at")
    def _sent_at_has_zone(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("must include a timezone offset, such as +08:00 or Z")
        return value

    @validator("order_value", pre=True)
    def _order_value(cls, value: Any) -> Any:
        if value is None:
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError("must be a number")
        if not math.isfinite(value) or value < 0:
            raise ValueError("must be a finite number of 0 or more")
        return value


class ParseIn(_Body):
    text: StrictStr

    _check_text = validator("text", allow_reuse=True)(lambda v: _text(v, MAX_TEXT))


class FeedbackIn(_Body):
    action: Literal["accepted", "edited", "rejected"]
    agent_id: StrictStr
    draft_id: StrictStr | None = None
    final_text: StrictStr | None = None

    _ids = validator("agent_id", "draft_id", allow_reuse=True)(lambda v: _text(v, MAX_ID))
    _final = validator("final_text", allow_reuse=True)(lambda v: _text(v, MAX_TEXT))


class IntentOut(BaseModel):
    name: str
    confidence: float


class EntityOut(BaseModel):
    type: str
    value: Any
    text: str
    start: int
    end: int


class DraftOut(BaseModel):
    draft_id: str
    text: str
    tactic: str
    facts: dict[str, Any]
    needs_approval: bool
    auto_send_safe: bool


class SuggestionOut(BaseModel):
    suggestion_id: str
    conversation_id: str
    intent: str
    intent_ranking: list[IntentOut]
    entities: list[EntityOut]
    fallback: bool
    model_version: str
    created_at: datetime
    drafts: list[DraftOut]


class ParseOut(BaseModel):
    text: str
    intent: str
    intent_ranking: list[IntentOut]
    entities: list[EntityOut]
    fallback: bool
    model_version: str


class FeedbackOut(BaseModel):
    suggestion_id: str
    draft_id: str | None
    action: str
    draft_text: str | None
    final_text: str | None
    agent_id: str
    created_at: datetime


class MessageOut(BaseModel):
    message: str
    sent_at: datetime | None
    received_at: datetime
    agent_id: str | None
    order_value: float | None
    suggestion: SuggestionOut
    feedback: list[FeedbackOut]


class ConversationOut(BaseModel):
    conversation_id: str
    started_at: datetime
    messages: list[MessageOut]


class OutcomeOut(BaseModel):
    suggestions: int
    with_feedback: int
    accepted: int
    edited: int
    rejected: int
    acceptance_rate: float | None
    edit_rate: float | None
    rejection_rate: float | None


class IntentStatsOut(OutcomeOut):
    intent: str


class TacticStatsOut(OutcomeOut):
    tactic: str


class StatsOut(BaseModel):
    since: datetime
    until: datetime
    by_intent: list[IntentStatsOut]
    by_tactic: list[TacticStatsOut]


class StatusOut(BaseModel):
    status: str


class ReadyOut(BaseModel):
    status: str
    model_version: str


def _intents(ranking: tuple[IntentScore, ...]) -> list[IntentOut]:
    return [IntentOut(name=s.name, confidence=round(s.confidence, 4)) for s in ranking]


def _entities(entities: tuple[Entity, ...]) -> list[EntityOut]:
    return [EntityOut(**vars(entity)) for entity in entities]


def parse_out(understanding: Understanding, model_version: str) -> ParseOut:
    return ParseOut(
        text=understanding.text,
        intent=understanding.intent,
        intent_ranking=_intents(understanding.intent_ranking),
        entities=_entities(understanding.entities),
        fallback=understanding.fallback,
        model_version=model_version,
    )


def suggestion_out(stored: StoredSuggestion) -> SuggestionOut:
    return SuggestionOut(
        suggestion_id=stored.suggestion_id,
        conversation_id=stored.conversation_id,
        intent=stored.intent,
        intent_ranking=_intents(stored.intent_ranking[:TOP_INTENTS]),
        entities=_entities(stored.entities),
        fallback=stored.fallback,
        model_version=stored.model_version,
        created_at=stored.created_at,
        drafts=[DraftOut(**vars(draft)) for draft in stored.drafts],
    )


def feedback_out(record: FeedbackRecord) -> FeedbackOut:
    return FeedbackOut(**vars(record))


def conversation_out(conversation: Conversation) -> ConversationOut:
    messages = [
        MessageOut(
            message=s.message,
            sent_at=s.sent_at,
            received_at=s.created_at,
            agent_id=s.agent_id,
            order_value=s.order_value,
            suggestion=suggestion_out(s),
            feedback=[feedback_out(f) for f in s.feedback],
        )
        for s in conversation.suggestions
    ]
    return ConversationOut(
        conversation_id=conversation.conversation_id,
        started_at=conversation.started_at,
        messages=messages,
    )


def _outcome(counts: OutcomeCounts) -> dict[str, Any]:
    return {
        "suggestions": counts.suggestions,
        "with_feedback": counts.with_feedback,
        "accepted": counts.accepted,
        "edited": counts.edited,
        "rejected": counts.rejected,
        "acceptance_rate": counts.rate(counts.accepted),
        "edit_rate": counts.rate(counts.edited),
        "rejection_rate": counts.rate(counts.rejected),
    }


def stats_out(stats: Stats) -> StatsOut:
    return StatsOut(
        since=stats.since,
        until=stats.until,
        by_intent=[IntentStatsOut(intent=c.key, **_outcome(c)) for c in stats.by_intent],
        by_tactic=[TacticStatsOut(tactic=c.key, **_outcome(c)) for c in stats.by_tactic],
    )
