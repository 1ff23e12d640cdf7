"""The figures seeds 001 and 004 judge a service team by, over a time window: inquiries that
became orders and payments (询单转化率), how fast agents answered, refund requests and how long
refunds took, and what payment reminders won back."""

from __future__ import annotations

import threading
from datetime import datetime

from sqlite_utils import Database

from bot.store.timestamps import from_text, to_text

# conversations with a buyer message in the window, and whether an order of theirs (placed in
# the window) was placed and paid
_INQUIRIES = """
with asked as (
    select distinct c.external_id
    from conversations c join messages m on m.conversation_id = c.id
    where c.shop_id = :shop and m.received_at >= :since and m.received_at <= :until
)
select count(*) as inquiries,
    coalesce(sum(exists(
        select 1 from orders o where o.shop_id = :shop and o.conversation_id = asked.external_id
        and o.created_at >= :since and o.created_at <= :until)), 0) as ordered,
    coalesce(sum(exists(
        select 1 from orders o where o.shop_id = :shop and o.conversation_id = asked.external_id
        and o.created_at >= :since and o.created_at <= :until and o.paid_at is not null)), 0)
        as paid
from asked
"""

# each buyer message of the window with the moment an agent first used a draft for it
_RESPONSES = """
select c.external_id as conversation, m.received_at as asked_at,
    min(f.created_at) as answered_at
from messages m
join conversations c on c.id = m.conversation_id
join suggestions s on s.message_id = m.id
join feedback f on f.suggestion_id = s.id and f.action in ('accepted', 'edited')
where c.shop_id = :shop and m.received_at >= :since and m.received_at <= :until
group by m.id
order by c.external_id, m.received_at, m.id
"""

_REFUND_SHARE = """
select count(*) as messages, coalesce(sum(s.intent = 'refund_intent'), 0) as refund_requests
from suggestions s
where s.shop_id = :shop and s.created_at >= :since and s.created_at <= :until
"""

# from a conversation's first refund request to its order's refund
_REFUND_TIMES = """
select min(m.received_at) as asked_at, min(o.refunded_at) as refunded_at
from suggestions s
join messages m on m.id = s.message_id
join conversations c on c.id = m.conversation_id
join orders o on o.shop_id = c.shop_id and o.conversation_id = c.external_id
where s.shop_id = :shop and s.intent = 'refund_intent'
    and m.received_at >= :since and m.received_at <= :until and o.refunded_at is not null
group by c.id
"""


class SalesFigureQueries:
    def __init__(self, db: Database, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock

    def _rows(self, sql: str, shop_id: str, since: datetime, until: datetime) -> list[dict]:
        params = {"shop": shop_id, "since": to_text(since), "until": to_text(until)}
        with self._lock:
            return list(self._db.query(sql, params))

    def inquiries(self, shop_id: str, since: datetime, until: datetime) -> dict:
        return self._rows(_INQUIRIES, shop_id, since, until)[0]

    def responses(self, shop_id: str, since: datetime, until: datetime) -> list[tuple[str, float]]:
        """(conversation, seconds from the buyer's message to the agent's reply) in order."""
        return [
            (row["conversation"], _seconds(row["asked_at"], row["answered_at"]))
            for row in self._rows(_RESPONSES, shop_id, since, until)
        ]

    def refund_share(self, shop_id: str, since: datetime, until: datetime) -> dict:
        return self._rows(_REFUND_SHARE, shop_id, since, until)[0]

    def refund_hours(self, shop_id: str, since: datetime, until: datetime) -> list[float]:
        rows = self._rows(_REFUND_TIMES, shop_id, since, until)
        return [_seconds(row["asked_at"], row["refunded_at"]) / 3600 for row in rows]


def _seconds(start: str, end: str) -> float:
    return (from_text(end) - from_text(start)).total_seconds()
