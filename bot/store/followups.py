"""The after-hours log and follow-up queue: each buyer message handled while the shop was closed,
what was sent automatically and why, grouped per conversation until an agent marks it done."""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlite_utils import Database

from bot.errors import ConflictError, NotFoundError
from bot.store.records import StoredDraft, StoredSuggestion
from bot.store.timestamps import from_text, to_text

if TYPE_CHECKING:
    from bot.afterhours import Decision


BurstRule = Callable[["Decision", bool], "Decision"]


@dataclass(frozen=True)
class AfterHoursEntry:
    """One buyer message handled while closed; `suggested_draft` is the best draft for the agent."""

    suggestion_id: str
    message: str
    received_at: datetime
    intent: str
    confidence: float
    mode: str
    reason_code: str
    reason: str
    reply_text: str | None
    reply_tactic: str | None
    reopens_at: datetime | None
    suggested_draft: StoredDraft | None


@dataclass(frozen=True)
class Followup:
    followup_id: str
    conversation_id: str
    created_at: datetime
    updated_at: datetime
    entries: tuple[AfterHoursEntry, ...]
    done_at: datetime | None = None
    done_by: str | None = None


_FOLLOWUPS = """
select f.*, c.external_id from followups f join conversations c on c.id = f.conversation_id
"""

_ENTRIES = """
select a.*, m.text, m.received_at, s.intent, s.confidence,
       d.id as draft_id, d.text as draft_text, d.tactic, d.facts, d.needs_approval, d.auto_send_safe
from after_hours a
join suggestions s on s.id = a.suggestion_id
join messages m on m.id = s.message_id
left join drafts d on d.suggestion_id = s.id and d.position = 0
where a.followup_id in ({placeholders})
order by a.id
"""

_AWAY_SENT = """
select 1 from after_hours where followup_id = ? and mode = 'away' and reopens_at is ?
"""


def _text(moment: datetime | None) -> str | None:
    return to_text(moment) if moment else None


def _draft(row: dict) -> StoredDraft | None:
    if row["draft_id"] is None:
        return None
    return StoredDraft(
        draft_id=row["draft_id"],
        text=row["draft_text"],
        tactic=row["tactic"],
        facts=json.loads(row["facts"]),
        needs_approval=bool(row["needs_approval"]),
        auto_send_safe=bool(row["auto_send_safe"]),
    )


def _entry(row: dict) -> AfterHoursEntry:
    return AfterHoursEntry(
        suggestion_id=row["suggestion_id"],
        message=row["text"],
        received_at=from_text(row["received_at"]),
        intent=row["intent"],
        confidence=row["confidence"],
        mode=row["mode"],
        reason_code=row["reason_code"],
        reason=row["reason"],
        reply_text=row["reply_text"],
        reply_tactic=row["reply_tactic"],
        reopens_at=from_text(row["reopens_at"]),
        suggested_draft=_draft(row),
    )


class FollowupLog:
    def __init__(self, db: Database, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock

    def record(
        self,
        shop_id: str,
        suggestion: StoredSuggestion,
        decision: Decision,
        burst_rule: BurstRule,
        now: datetime,
    ) -> tuple[Decision, Followup]:
        """Log a message handled while closed and queue its conversation. `burst_rule` gets the
        decision and whether the holding message already went out in this follow-up for the same
        closed period; checking and writing happen in one transaction, so a burst of concurrent
        messages cannot each send it."""
        with self._lock, self._db.atomic():
            conversation = self._conversation(shop_id, suggestion.conversation_id)
            followup_id = self._open_followup(shop_id, conversation, now)
            decision = burst_rule(decision, self._away_sent(followup_id, decision.reopens_at))
            self._db["after_hours"].insert(_entry_row(followup_id, suggestion, decision, now))
        return decision, self.followup(shop_id, followup_id)

    def _away_sent(self, followup_id: str, reopens_at: datetime | None) -> bool:
        row = self._db.execute(_AWAY_SENT, [followup_id, _text(reopens_at)]).fetchone()
        return row is not None

    def _conversation(self, shop_id: str, external_id: str) -> int:
        return self._db.execute(
            "select id from conversations where shop_id = ? and external_id = ?",
            [shop_id, external_id],
        ).fetchone()[0]

    def _open_followup(self, shop_id: str, conversation: int, now: datetime) -> str:
        row = self._db.execute(
            "select id from followups where conversation_id = ? and done_at is null",
            [conversation],
        ).fetchone()
        if row is not None:
            self._db["followups"].update(row[0], {"updated_at": to_text(now)})
            return row[0]
        followup_id = f"fu_{secrets.token_hex(8)}"
        self._db["followups"].insert(
            {
                "id": followup_id,
                "shop_id": shop_id,
                "conversation_id": conversation,
                "created_at": to_text(now),
                "updated_at": to_text(now),
            }
        )
        return followup_id

    def open_followups(self, shop_id: str) -> list[Followup]:
        """The shop's open follow-ups, the longest waiting first."""
        return self._followups(
            "where f.shop_id = ? and f.done_at is null order by f.created_at, f.rowid", [shop_id]
        )

    def followup(self, shop_id: str, followup_id: str) -> Followup:
        """Another shop's id is reported as unknown, so ids do not leak across shops."""
        found = self._followups("where f.shop_id = ? and f.id = ?", [shop_id, followup_id])
        if not found:
            message = f"No follow-up has the id {followup_id!r}."
            raise NotFoundError(message, code="followup_not_found")
        return found[0]

    def mark_done(self, shop_id: str, followup_id: str, agent_id: str, now: datetime) -> Followup:
        with self._lock, self._db.atomic():
            if self.followup(shop_id, followup_id).done_at is not None:
                message = f"Follow-up {followup_id!r} is already done."
                raise ConflictError(message, code="followup_done")
            self._db["followups"].update(
                followup_id, {"done_at": to_text(now), "done_by": agent_id}
            )
        return self.followup(shop_id, followup_id)

    def _followups(self, where: str, params: list) -> list[Followup]:
        with self._lock:
            rows = list(self._db.query(f"{_FOLLOWUPS} {where}", params))
            entries = self._entries([row["id"] for row in rows])
        return [
            Followup(
                followup_id=row["id"],
                conversation_id=row["external_id"],
                created_at=from_text(row["created_at"]),
                updated_at=from_text(row["updated_at"]),
                entries=tuple(entries.get(row["id"], [])),
                done_at=from_text(row["done_at"]),
                done_by=row["done_by"],
            )
            for row in rows
        ]

    def _entries(self, followup_ids: list[str]) -> dict[str, list[AfterHoursEntry]]:
        grouped: dict[str, list[AfterHoursEntry]] = {}
        if not followup_ids:
            return grouped
        sql = _ENTRIES.format(placeholders=", ".join("?" for _ in followup_ids))
        for row in self._db.query(sql, followup_ids):
            grouped.setdefault(row["followup_id"], []).append(_entry(row))
        return grouped


def _entry_row(
    followup_id: str, suggestion: StoredSuggestion, decision: Decision, now: datetime
) -> dict:
    reply = decision.reply
    return {
        "followup_id": followup_id,
        "suggestion_id": suggestion.suggestion_id,
        "mode": decision.mode,
        "reason_code": decision.reason_code,
        "reason": decision.reason,
        "reply_text": reply.text if reply else None,
        "reply_tactic": reply.tactic if reply else None,
        "reopens_at": _text(decision.reopens_at),
        "created_at": to_text(now),
    }
