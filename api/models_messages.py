"""Bodies of /v1/messages and /v1/followups (after-hours replies and the follow-up queue)."""

from __future__ import annotations

from datetime import datetime

from pydantic import StrictStr, validator

from api.models import DraftOut, Schema, SuggestionOut, _Body, _id, id_field, suggestion_out
from bot.messages import Reception
from bot.store.followups import AfterHoursEntry, Followup


class ReplyOut(Schema):
    text: str
    tactic: str


class MessageResultOut(SuggestionOut):
    """A suggestion plus what happened to the message: `suggest` (open: drafts for the agent),
    `auto_reply` or `away` (closed: `reply` was sent automatically), `held` (closed: the holding
    message already went out for this wait, nothing sent)."""

    mode: str
    auto_sent: bool
    reply: ReplyOut | None
    reason_code: str
    reason: str
    reopens_at: datetime | None
    followup_id: str | None


class FollowupEntryOut(Schema):
    suggestion_id: str
    message: str
    received_at: datetime
    intent: str
    confidence: float
    mode: str
    auto_sent: bool
    reply: ReplyOut | None
    reason_code: str
    reason: str
    reopens_at: datetime | None
    suggested_draft: DraftOut | None


class FollowupOut(Schema):
    followup_id: str
    conversation_id: str
    created_at: datetime
    updated_at: datetime
    done_at: datetime | None
    done_by: str | None
    messages: list[FollowupEntryOut]


class FollowupListOut(Schema):
    followups: list[FollowupOut]


class FollowupDoneIn(_Body):
    agent_id: StrictStr = id_field("The agent who answered the conversation")

    _ids = validator("agent_id", allow_reuse=True)(_id)


def message_result_out(reception: Reception) -> MessageResultOut:
    decision = reception.decision
    reply = decision.reply
    return MessageResultOut(
        **suggestion_out(reception.suggestion).dict(),
        mode=decision.mode,
        auto_sent=decision.auto_sent,
        reply=ReplyOut(text=reply.text, tactic=reply.tactic) if reply else None,
        reason_code=decision.reason_code,
        reason=decision.reason,
        reopens_at=decision.reopens_at,
        followup_id=reception.followup.followup_id if reception.followup else None,
    )


def _entry_out(entry: AfterHoursEntry) -> FollowupEntryOut:
    sent = entry.reply_text is not None
    draft = entry.suggested_draft
    return FollowupEntryOut(
        suggestion_id=entry.suggestion_id,
        message=entry.message,
        received_at=entry.received_at,
        intent=entry.intent,
        confidence=round(entry.confidence, 4),
        mode=entry.mode,
        auto_sent=sent,
        reply=ReplyOut(text=entry.reply_text, tactic=entry.reply_tactic) if sent else None,
        reason_code=entry.reason_code,
        reason=entry.reason,
        reopens_at=entry.reopens_at,
        suggested_draft=DraftOut(**vars(draft)) if draft else None,
    )


def followup_out(followup: Followup) -> FollowupOut:
    return FollowupOut(
        followup_id=followup.followup_id,
        conversation_id=followup.conversation_id,
        created_at=followup.created_at,
        updated_at=followup.updated_at,
        done_at=followup.done_at,
        done_by=followup.done_by,
        messages=[_entry_out(entry) for entry in followup.entries],
    )
