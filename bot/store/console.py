"""Reads and writes only the agent console needs: the inbox (a shop's conversations with their
latest buyer message and open follow-up), the reasons agents gave for rejected drafts, and the
latest training runs."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.errors import ConflictError
from bot.store.timestamps import from_text, to_text
from bot.store.training import RunRecord, run_from_row


@dataclass(frozen=True)
class InboxRow:
    conversation_id: str
    messages: int
    last_message: str
    last_received_at: datetime
    last_intent: str | None
    # the agent used a draft (accepted or edited) for the latest buyer message
    answered: bool
    followup_id: str | None
    followup_since: datetime | None


# open follow-ups first, the longest waiting first (as GET /v1/followups lists them); then every
# other conversation, the newest buyer message first
_INBOX = """
with latest as (
    select conversation_id, max(id) as message_id, count(*) as messages
    from messages group by conversation_id
)
select c.external_id, latest.messages, m.text, m.received_at, s.intent,
    exists(
        select 1 from feedback f where f.suggestion_id = s.id
        and f.action in ('accepted', 'edited')
    ) as answered,
    fu.id as followup_id, fu.created_at as followup_since
from conversations c
join latest on latest.conversation_id = c.id
join messages m on m.id = latest.message_id
left join suggestions s on s.message_id = m.id
left join followups fu on fu.conversation_id = c.id and fu.done_at is null
where c.shop_id = ?
order by fu.id is null, fu.created_at, m.received_at desc, m.id desc
limit ?
"""

_REASONS = """
select r.suggestion_id, r.draft_key, r.reason from feedback_reasons r
join suggestions s on s.id = r.suggestion_id
join messages m on m.id = s.message_id
join conversations c on c.id = m.conversation_id
where c.shop_id = ? and c.external_id = ?
"""


class ConsoleQueries:
    def __init__(self, db: Database, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock

    def conversations(self, shop_id: str, limit: int) -> list[InboxRow]:
        with self._lock:
            rows = list(self._db.query(_INBOX, [shop_id, limit]))
        return [
            InboxRow(
                conversation_id=row["external_id"],
                messages=row["messages"],
                last_message=row["text"],
                last_received_at=from_text(row["received_at"]),
                last_intent=row["intent"],
                answered=bool(row["answered"]),
                followup_id=row["followup_id"],
                followup_since=from_text(row["followup_since"]),
            )
            for row in rows
        ]

    def record_reason(
        self, suggestion_id: str, draft_id: str | None, reason: str, now: datetime
    ) -> None:
        """The caller has stored the rejection itself (through the service) first."""
        row = {
            "suggestion_id": suggestion_id,
            "draft_key": draft_id or "",
            "reason": reason,
            "created_at": to_text(now),
        }
        try:
            with self._lock:
                self._db["feedback_reasons"].insert(row)
        except sqlite3.IntegrityError:
            raise ConflictError("This rejection already has a reason.", "reason_exists") from None

    def reasons(self, shop_id: str, conversation_id: str) -> dict[tuple[str, str], str]:
        """{(suggestion id, draft id or ''): reason} for one conversation of this shop."""
        with self._lock:
            rows = self._db.execute(_REASONS, [shop_id, conversation_id]).fetchall()
        return {(suggestion_id, draft_key): reason for suggestion_id, draft_key, reason in rows}

    def recent_runs(self, limit: int) -> list[RunRecord]:
        """The latest training runs, the newest first."""
        with self._lock:
            rows = list(
                self._db.query("select * from training_runs order by id desc limit ?", [limit])
            )
        return [run_from_row(row) for row in rows]
