"""The conversation log: buyer messages, the suggestion made for each, and the agents' verdicts.

Each write is one transaction, committed before the method returns."""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import asdict
from datetime import datetime

from sqlite_utils import Database

from bot.errors import ConflictError, NotFoundError
from bot.store.records import (
    Conversation,
    FeedbackRecord,
    NewSuggestion,
    SentReply,
    StoredDraft,
    StoredSuggestion,
    Turn,
)
from bot.store.rows import insert_row, insert_rows
from bot.store.timestamps import from_text, to_text
from bot.types import Entity, IntentScore


def _fact(value: object) -> str:
    """Shop facts may hold dates and times; they are stored as ISO 8601 text."""
    isoformat = getattr(value, "isoformat", None)
    return isoformat() if callable(isoformat) else str(value)


def _new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(8)}"


def _suggestion_row(new: NewSuggestion, suggestion_id: str, message_id: int) -> dict:
    understanding = new.understanding
    return {
        "id": suggestion_id,
        "message_id": message_id,
        "shop_id": new.shop_id,
        "agent_id": new.agent_id,
        "order_value": new.order_value,
        "intent": understanding.intent,
        "confidence": understanding.confidence,
        "intent_ranking": json.dumps([asdict(s) for s in understanding.intent_ranking]),
        "entities": json.dumps([asdict(e) for e in understanding.entities], ensure_ascii=False),
        "fallback": int(understanding.fallback),
        "model_version": new.model_version,
        "created_at": to_text(new.created_at),
    }


def _draft_rows(new: NewSuggestion, suggestion_id: str) -> list[dict]:
    return [
        {
            "id": _new_id("dr"),
            "suggestion_id": suggestion_id,
            "position": position,
            "text": draft.text,
            "tactic": draft.tactic,
            "facts": json.dumps(dict(draft.facts), ensure_ascii=False, default=_fact),
            "needs_approval": int(draft.needs_approval),
            "auto_send_safe": int(draft.auto_send_safe),
        }
        for position, draft in enumerate(new.drafts)
    ]


def _draft(row: dict) -> StoredDraft:
    return StoredDraft(
        draft_id=row["id"],
        text=row["text"],
        tactic=row["tactic"],
        facts=json.loads(row["facts"]),
        needs_approval=bool(row["needs_approval"]),
        auto_send_safe=bool(row["auto_send_safe"]),
    )


def _feedback(row: dict) -> FeedbackRecord:
    return FeedbackRecord(
        suggestion_id=row["suggestion_id"],
        draft_id=row["draft_id"],
        action=row["action"],
        draft_text=row["draft_text"],
        final_text=row["final_text"],
        agent_id=row["agent_id"],
        created_at=from_text(row["created_at"]),
    )


def _suggestion(row: dict, drafts: Iterable[StoredDraft], feedback: Iterable[FeedbackRecord]):
    return StoredSuggestion(
        suggestion_id=row["id"],
        conversation_id=row["external_id"],
        message=row["text"],
        intent=row["intent"],
        intent_ranking=tuple(IntentScore(**s) for s in json.loads(row["intent_ranking"])),
        entities=tuple(Entity(**e) for e in json.loads(row["entities"])),
        fallback=bool(row["fallback"]),
        model_version=row["model_version"],
        created_at=from_text(row["created_at"]),
        drafts=tuple(drafts),
        sent_at=from_text(row["sent_at"]),
        agent_id=row["agent_id"],
        order_value=row["order_value"],
        feedback=tuple(feedback),
    )


_SUGGESTIONS = """
select s.*, m.text, m.sent_at, c.external_id
from suggestions s
join messages m on m.id = s.message_id
join conversations c on c.id = m.conversation_id
"""


_RECENT_TURNS = """
with recent as (
    select m.id, m.text from messages m join conversations c on c.id = m.conversation_id
    where c.shop_id = ? and c.external_id = ? order by m.id desc limit ?
)
select recent.id, recent.text, d.tactic, f.final_text
from recent
left join suggestions s on s.message_id = recent.id
left join feedback f on f.suggestion_id = s.id and f.action in ('accepted', 'edited')
left join drafts d on d.id = f.draft_id
order by recent.id desc, f.id
"""


class ConversationLog:
    def __init__(self, db: Database, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock

    def record_suggestion(self, new: NewSuggestion) -> StoredSuggestion:
        """The suggestion as stored: decoded from the very rows written (reading them back
        cost a twelfth of a /v1/suggest request)."""
        suggestion_id = _new_id("sg")
        with self._lock, self._db.atomic():
            conversation = self._conversation_id(new.shop_id, new.conversation_id, new.created_at)
            message = self._insert_message(conversation, new)
            row = _suggestion_row(new, suggestion_id, message["id"])
            drafts = _draft_rows(new, suggestion_id)
            insert_row(self._db, "suggestions", row)
            insert_rows(self._db, "drafts", drafts)
        joined = {**row, **message, "id": suggestion_id, "external_id": new.conversation_id}
        return _suggestion(joined, (_draft(draft) for draft in drafts), ())

    def _conversation_id(self, shop_id: str, external_id: str, now: datetime) -> int:
        self._db.execute(
            "insert into conversations (shop_id, external_id, started_at) values (?, ?, ?)"
            " on conflict (shop_id, external_id) do nothing",
            [shop_id, external_id, to_text(now)],
        )
        return self._db.execute(
            "select id from conversations where shop_id = ? and external_id = ?",
            [shop_id, external_id],
        ).fetchone()[0]

    def _insert_message(self, conversation: int, new: NewSuggestion) -> dict:
        row = {
            "conversation_id": conversation,
            "text": new.message,
            "sent_at": to_text(new.sent_at) if new.sent_at else None,
            "received_at": to_text(new.created_at),
        }
        return {**row, "id": insert_row(self._db, "messages", row)}

    def suggestion(self, shop_id: str, suggestion_id: str) -> StoredSuggestion:
        """A suggestion of this shop; another shop's id is reported as unknown, not forbidden,
        so ids do not leak across shops."""
        found = self._suggestions("where s.shop_id = ? and s.id = ?", [shop_id, suggestion_id])
        if not found:
            raise NotFoundError(
                f"No suggestion has the id {suggestion_id!r}.", code="suggestion_not_found"
            )
        return found[0]

    def conversation(self, shop_id: str, external_id: str) -> Conversation:
        with self._lock:
            started = self._db.execute(
                "select started_at from conversations where shop_id = ? and external_id = ?",
                [shop_id, external_id],
            ).fetchone()
        if started is None:
            raise NotFoundError(
                f"No conversation has the id {external_id!r}.", code="conversation_not_found"
            )
        suggestions = self._suggestions(
            "where c.shop_id = ? and c.external_id = ?", [shop_id, external_id]
        )
        return Conversation(external_id, from_text(started[0]), tuple(suggestions))

    def recent_turns(self, shop_id: str, external_id: str, limit: int) -> list[Turn]:
        """The conversation's last `limit` buyer messages, oldest first, each with the replies
        the agent sent from its drafts (accepted or edited)."""
        with self._lock:
            rows = self._db.execute(_RECENT_TURNS, [shop_id, external_id, limit]).fetchall()
        turns: dict[int, Turn] = {}
        for message_id, message, tactic, text in rows:
            turn = turns.setdefault(message_id, Turn(message))
            if tactic is not None:
                turns[message_id] = Turn(message, (*turn.replies, SentReply(tactic, text)))
        return list(reversed(turns.values()))

    def _suggestions(self, where: str, params: list) -> list[StoredSuggestion]:
        with self._lock:
            rows = list(self._db.query(f"{_SUGGESTIONS} {where} order by m.id", params))
            ids = [row["id"] for row in rows]
            drafts = self._children("drafts", ids, "position")
            feedback = self._children("feedback", ids, "id")
        return [
            _suggestion(
                row,
                (_draft(d) for d in drafts.get(row["id"], [])),
                (_feedback(f) for f in feedback.get(row["id"], [])),
            )
            for row in rows
        ]

    def _children(self, table: str, suggestion_ids: list[str], order: str) -> dict[str, list]:
        placeholders = ", ".join("?" for _ in suggestion_ids)
        grouped: dict[str, list] = {}
        sql = f"select * from {table} where suggestion_id in ({placeholders}) order by {order}"
        for row in self._db.query(sql, suggestion_ids) if suggestion_ids else ():
            grouped.setdefault(row["suggestion_id"], []).append(row)
        return grouped

    def record_feedback(self, shop_id: str, feedback: FeedbackRecord) -> FeedbackRecord:
        """Store one verdict; the caller has checked it against the suggestion's drafts."""
        row = {
            "suggestion_id": feedback.suggestion_id,
            "draft_id": feedback.draft_id,
            "draft_key": feedback.draft_id or "",
            "action": feedback.action,
            "draft_text": feedback.draft_text,
            "final_text": feedback.final_text,
            "agent_id": feedback.agent_id,
            "created_at": to_text(feedback.created_at),
        }
        try:
            with self._lock:
                self.suggestion(shop_id, feedback.suggestion_id)
                self._db["feedback"].insert(row)
        except sqlite3.IntegrityError as error:
            if "UNIQUE" not in str(error):
                raise
            message = _duplicate_message(feedback.draft_id)
            raise ConflictError(message, code="feedback_exists") from None
        return feedback


def _duplicate_message(draft_id: str | None) -> str:
    if draft_id:
        return f"Draft {draft_id!r} already has feedback; each draft takes one verdict."
    return "This suggestion was already rejected as a whole; it takes one such verdict."
