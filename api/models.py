"""Request and response bodies: the API's contract, documented on the OpenAPI page."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timezone, tzinfo
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Extra, Field, StrictStr, validator
from pydantic.errors import DictError

from bot.figures import (
    AVERAGE_RESPONSE_NORM_S,
    FIRST_RESPONSE_NORM_S,
    ChannelFigures,
    SalesFigures,
)
from bot.stage import ORDER_STATUSES
from bot.store.records import Conversation, FeedbackRecord, OutcomeCounts, Stats, StoredSuggestion
from bot.types import Entity, IntentScore, Understanding

MAX_TEXT = 2000
MAX_ID = 128
MAX_ORDER_VALUE = 10_000_000
TOP_INTENTS = 3
BodyT = TypeVar("BodyT", bound=BaseModel)
# the moments the API accepts (sent_at, the stats window): wide enough for any real message,
# narrow enough that converting between timezones or adding days never overflows
EARLIEST = datetime(1970, 1, 1, tzinfo=timezone.utc)
LATEST = datetime(2999, 12, 31, 23, 59, 59, tzinfo=timezone.utc)

# JSON Schema patterns are ECMAScript regexes; these are written so that Python's re reads them
# the same way, so the schema states exactly what the validators check.
_BLANK = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_NOT_IN_ID = "/\\x00-\\x1f\\x7f"
# text: at least one character that is not whitespace
TEXT_PATTERN = f"[^{_BLANK}]"
# an id: no "/" (it must fit in a URL path segment), no control characters, not blank
ID_PATTERN = f"^[^{_NOT_IN_ID}]*[^{_NOT_IN_ID}{_BLANK}][^{_NOT_IN_ID}]*$"
ID_RULE = (
    "1 to 128 characters, not only whitespace, without '/' or control characters; "
    "any other Unicode character is kept verbatim"
)


def _unicode(value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(
            "must be valid Unicode text (it holds a lone surrogate such as \\ud800)"
        ) from None


def _text(value: str | None, limit: int) -> str | None:
    """Kept verbatim (no stripping): what the buyer or agent wrote is what gets stored."""
    if value is None:
        return value
    _unicode(value)
    if not re.search(TEXT_PATTERN, value):
        raise ValueError("must not be empty or whitespace only")
    if len(value) > limit:
        raise ValueError(f"must be at most {limit:,} characters (got {len(value):,})")
    return value


def _id(value: str | None) -> str | None:
    if value is None:
        return value
    _text(value, MAX_ID)
    if not re.match(ID_PATTERN, value):
        raise ValueError("must not contain '/' or control characters")
    return value


def moment_in_range(value: datetime) -> datetime:
    """`value` (timezone-aware) if it lies between EARLIEST and LATEST, else a ValueError."""
    try:
        inside = EARLIEST <= value.astimezone(timezone.utc) <= LATEST
    except OverflowError:
        inside = False
    if not inside:
        raise ValueError("must be between 1970-01-01T00:00:00Z and 2999-12-31T23:59:59Z")
    return value


def moment_text(value: Any) -> Any:
    """A moment arrives as an ISO 8601 string; a number is not read as seconds since 1970."""
    if value is not None and not isinstance(value, str):
        raise TypeError("must be an ISO 8601 date-time string")
    return value


def aware_moment(value: datetime | None) -> datetime | None:
    if value is None:
        return value
    if value.tzinfo is None:
        raise ValueError("must include a timezone offset, such as +08:00 or Z")
    return moment_in_range(value)


def money(value: Any) -> Any:
    """An amount in yuan from 0 to MAX_ORDER_VALUE."""
    if value is None:
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError("must be a number")
    # compared before any float conversion: an integer of thousands of digits has no float
    if not 0 <= value <= MAX_ORDER_VALUE:
        raise ValueError(f"must be a number from 0 to {MAX_ORDER_VALUE:,}")
    return value


def text_field(limit: int, description: str, default: Any = ..., **extra: Any) -> Any:
    return Field(
        default,
        description=description,
        minLength=1,
        maxLength=limit,
        pattern=TEXT_PATTERN,
        **extra,
    )


def id_field(description: str, default: Any = ...) -> Any:
    return Field(
        default,
        description=f"{description} ({ID_RULE}).",
        minLength=1,
        maxLength=MAX_ID,
        pattern=ID_PATTERN,
    )


def _nullable(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """pydantic 1 does not mark Optional fields as nullable; OpenAPI 3.1 says so with a null
    alternative."""
    properties = schema.get("properties", {})
    for field in model.__fields__.values():
        prop = properties.get(field.alias)
        if field.allow_none and prop is not None and "anyOf" not in prop:
            described = {k: prop.pop(k) for k in ("title", "description", "default") if k in prop}
            properties[field.alias] = {**described, "anyOf": [prop, {"type": "null"}]}


# the base of every request and response body (no docstring: pydantic would give it to every
# model's schema): nullable fields are marked in the schema
class Schema(BaseModel):
    class Config:
        schema_extra = staticmethod(_nullable)


class _Body(Schema):
    class Config:
        extra = Extra.forbid

    @classmethod
    def validate(cls, value: Any) -> _Body:
        # pydantic 1 would turn a JSON array into a dict by pairing keys: [{"a": 1, "b": 2}]
        # becomes {"a": "b"}. A body is an object or an error.
        if not isinstance(value, dict):
            raise DictError()
        return super().validate(value)


# the order statuses drafting understands (bot.stage), listed in the schema
OrderStatus = Literal[tuple(ORDER_STATUSES)]


class SuggestIn(_Body):
    conversation_id: StrictStr = id_field(
        "The platform's conversation id; GET /v1/conversations/{conversation_id} reads it back"
    )
    message: StrictStr = text_field(MAX_TEXT, "The buyer's message, stored verbatim.")
    sent_at: datetime | None = Field(
        None,
        description="When the buyer wrote, with a timezone offset, between 1970 and 2999; "
        "shipping cutoffs and opening hours apply to this moment. Default: when received.",
    )
    agent_id: StrictStr | None = id_field("The agent asking for drafts", None)
    order_value: float | None = Field(
        None,
        description="The order's value in yuan, if known: coupons whose threshold it meets are "
        "offered without naming the threshold.",
        ge=0,
        le=MAX_ORDER_VALUE,
    )

    order_status: OrderStatus | None = Field(  # type: ignore[valid-type]
        None,
        description="What the platform knows of the buyer's order (a stage such as paid or "
        "shipped, a platform status such as wait_seller_send_goods or 待发货, or an order event "
        "such as created or cancelled). Without it the stage comes from the conversation and "
        "from POST /v1/orders. A buyer past payment gets no sales push.",
    )

    _ids = validator("conversation_id", "agent_id", allow_reuse=True)(_id)
    _message = validator("message", allow_reuse=True)(lambda v: _text(v, MAX_TEXT))

    _sent_at_is_text = validator("sent_at", pre=True, allow_reuse=True)(moment_text)
    _sent_at_has_zone = validator("sent_at", allow_reuse=True)(aware_moment)
    _order_value = validator("order_value", pre=True, allow_reuse=True)(money)


class ParseIn(_Body):
    text: StrictStr = text_field(MAX_TEXT, "The text to parse.")

    _check_text = validator("text", allow_reuse=True)(lambda v: _text(v, MAX_TEXT))


class FeedbackIn(_Body):
    action: Literal["accepted", "edited", "rejected"]
    agent_id: StrictStr = id_field("The agent giving the verdict")
    draft_id: StrictStr | None = id_field(
        "The draft judged; leave it out to reject the whole suggestion", None
    )
    final_text: StrictStr | None = Field(
        None,
        description="What the agent sent, for action 'edited'.",
        minLength=1,
        maxLength=MAX_TEXT,
        pattern=TEXT_PATTERN,
    )

    _ids = validator("agent_id", "draft_id", allow_reuse=True)(_id)
    _final = validator("final_text", allow_reuse=True)(lambda v: _text(v, MAX_TEXT))


class IntentOut(Schema):
    name: str
    confidence: float


class EntityOut(Schema):
    type: str
    value: Any
    text: str
    start: int
    end: int


class DraftOut(Schema):
    draft_id: str
    text: str
    tactic: str
    facts: dict[str, Any]
    needs_approval: bool
    auto_send_safe: bool


class SuggestionOut(Schema):
    suggestion_id: str
    conversation_id: str
    intent: str
    intent_ranking: list[IntentOut]
    entities: list[EntityOut]
    fallback: bool
    model_version: str
    created_at: datetime
    drafts: list[DraftOut]


class ParseOut(Schema):
    text: str
    intent: str
    intent_ranking: list[IntentOut]
    entities: list[EntityOut]
    fallback: bool
    model_version: str


class FeedbackOut(Schema):
    suggestion_id: str
    draft_id: str | None
    action: str
    draft_text: str | None
    final_text: str | None
    agent_id: str
    created_at: datetime


class MessageOut(Schema):
    message: str
    sent_at: datetime | None
    received_at: datetime
    agent_id: str | None
    order_value: float | None
    suggestion: SuggestionOut
    feedback: list[FeedbackOut]


class ConversationOut(Schema):
    conversation_id: str
    started_at: datetime
    messages: list[MessageOut]


class OutcomeOut(Schema):
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


class FiguresOut(Schema):
    followed: int = Field(description="reminders with an outcome recorded")
    converted: int = Field(description="of those, paid")
    rate: float | None = Field(description="converted / followed")
    amount_won: float


class ResponseTimesOut(Schema):
    answered_messages: int
    first_response_s: float | None = Field(description="mean over conversations")
    average_response_s: float | None
    first_response_norm_s: float
    average_response_norm_s: float


class ServiceFiguresOut(Schema):
    since: datetime
    until: datetime
    inquiries: int = Field(description="conversations with a buyer message in the period")
    ordered: int
    paid: int
    order_rate: float | None = Field(description="ordered / inquiries")
    inquiry_conversion: float | None = Field(description="询单转化率: paid / inquiries")
    response_times: ResponseTimesOut
    messages: int
    refund_requests: int
    refund_share: float | None = Field(description="refund requests / buyer messages")
    refunds_resolved: int
    refund_hours: float | None = Field(description="mean, first refund request to refund")
    reminders_by_channel: dict[str, FiguresOut]
    reminders_by_reason: dict[str, FiguresOut]


class StatsOut(Schema):
    since: datetime
    until: datetime
    by_intent: list[IntentStatsOut]
    by_tactic: list[TacticStatsOut]
    service: ServiceFiguresOut = Field(description="the shop's service figures, same window")


class StatusOut(Schema):
    status: str


class ReadyOut(Schema):
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


def stats_out(stats: Stats, figures: SalesFigures, zone: tzinfo) -> StatsOut:
    return StatsOut(
        since=stats.since.astimezone(zone),
        until=stats.until.astimezone(zone),
        by_intent=[IntentStatsOut(intent=c.key, **_outcome(c)) for c in stats.by_intent],
        by_tactic=[TacticStatsOut(tactic=c.key, **_outcome(c)) for c in stats.by_tactic],
        service=service_figures_out(figures, zone),
    )


def rounded_rate(rate: float | None) -> float | None:
    """Rates to 4 decimals, as the verdict rates of /v1/stats."""
    return None if rate is None else round(rate, 4)


def figures_out(figures: ChannelFigures) -> FiguresOut:
    return FiguresOut(
        followed=figures.followed,
        converted=figures.converted,
        rate=rounded_rate(figures.rate),
        amount_won=figures.amount_won,
    )


def figures_by_key(figures: Mapping[str, ChannelFigures]) -> dict[str, FiguresOut]:
    return {key: figures_out(value) for key, value in figures.items()}


def service_figures_out(figures: SalesFigures, zone: tzinfo) -> ServiceFiguresOut:
    return ServiceFiguresOut(
        since=figures.since.astimezone(zone),
        until=figures.until.astimezone(zone),
        inquiries=figures.inquiries,
        ordered=figures.ordered,
        paid=figures.paid,
        order_rate=rounded_rate(figures.order_rate),
        inquiry_conversion=rounded_rate(figures.inquiry_conversion),
        response_times=ResponseTimesOut(
            answered_messages=figures.answered_messages,
            first_response_s=figures.first_response_s,
            average_response_s=figures.average_response_s,
            first_response_norm_s=FIRST_RESPONSE_NORM_S,
            average_response_norm_s=AVERAGE_RESPONSE_NORM_S,
        ),
        messages=figures.messages,
        refund_requests=figures.refund_requests,
        refund_share=rounded_rate(figures.refund_share),
        refunds_resolved=figures.refunds_resolved,
        refund_hours=figures.refund_hours,
        reminders_by_channel=figures_by_key(figures.reminders_by_channel),
        reminders_by_reason=figures_by_key(figures.reminders_by_reason),
    )


def _local(value: Any, zone: tzinfo) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(zone)
    if isinstance(value, BaseModel):
        return localized(value, zone)
    if isinstance(value, list):
        return [_local(item, zone) for item in value]
    return value


def localized(body: BodyT, zone: tzinfo) -> BodyT:
    """`body` with every date-time in `zone` (the shop's timezone): the same moments, shown
    with the offset the shop's agents read."""
    return body.copy(update={name: _local(value, zone) for name, value in body})
