"""Outcome counts per intent and per tactic over a time window.

A suggestion's outcome is its best verdict (accepted > edited > rejected): the agent used one of
its drafts or not. A draft's outcome is its own verdict, or the rejection of its whole suggestion.
"""

from __future__ import annotations

import threading
from datetime import datetime

from sqlite_utils import Database

from bot.store.records import OutcomeCounts, Stats
from bot.store.timestamps import to_text

_COUNTS = """
select key, count(*) as suggestions, count(outcome) as with_feedback,
    coalesce(sum(outcome = 'accepted'), 0) as accepted,
    coalesce(sum(outcome = 'edited'), 0) as edited,
    coalesce(sum(outcome = 'rejected'), 0) as rejected
from outcomes group by key order by suggestions desc, key
"""

_BY_INTENT = (
    """
with outcomes as (
    select s.intent as key,
        case
            when max(f.action = 'accepted') then 'accepted'
            when max(f.action = 'edited') then 'edited'
            when max(f.action = 'rejected') then 'rejected'
        end as outcome
    from suggestions s left join feedback f on f.suggestion_id = s.id
    where s.shop_id = :shop and s.created_at >= :since and s.created_at <= :until
    group by s.id
)
"""
    + _COUNTS
)

_BY_TACTIC = (
    """
with outcomes as (
    select d.tactic as key, coalesce(own.action, whole.action) as outcome
    from drafts d
    join suggestions s on s.id = d.suggestion_id
    left join feedback own on own.draft_id = d.id
    left join feedback whole on whole.suggestion_id = d.suggestion_id and whole.draft_key = ''
    where s.shop_id = :shop and s.created_at >= :since and s.created_at <= :until
)
"""
    + _COUNTS
)


class StatsQuery:
    def __init__(self, db: Database, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock

    def window(self, shop_id: str, since: datetime, until: datetime) -> Stats:
        params = {"shop": shop_id, "since": to_text(since), "until": to_text(until)}
        with self._lock:
            by_intent = [OutcomeCounts(**row) for row in self._db.query(_BY_INTENT, params)]
            by_tactic = [OutcomeCounts(**row) for row in self._db.query(_BY_TACTIC, params)]
        return Stats(since, until, tuple(by_intent), tuple(by_tactic))
