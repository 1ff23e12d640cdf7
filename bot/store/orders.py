"""Orders, their events and the payment reminders planned for them, per shop."""

from __future__ import annotations

import json
import secrets
import threading
from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlite_utils import Database

from bot.errors import ConflictError, NotFoundError
from bot.orders import Order, OrderEvent, OrderItem
from bot.store.timestamps import from_text, to_text

_EVENT_COLUMN = {"paid": "paid_at", "cancelled": "cancelled_at", "refunded": "refunded_at"}


@dataclass(frozen=True)
class Reminder:
    reminder_id: str
    shop_id: str
    order_id: str
    day: date
    channel: str
    reason_code: str
    reason: str
    due_at: datetime
    planned_at: datetime
    result: str | None = None
    buyer_reason: str | None = None
    buyer_reason_text: str | None = None
    amount_won: float | None = None
    agent_id: str | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class Outcome:
    result: str
    agent_id: str
    buyer_reason: str | None = None
    buyer_reason_text: str | None = None
    amount_won: float | None = None


def _order(row: dict) -> Order:
    items = tuple(OrderItem(**item) for item in json.loads(row["items"]))
    online = row["buyer_online"]
    return Order(
        shop_id=row["shop_id"],
        order_id=row["order_id"],
        buyer_id=row["buyer_id"],
        value=row["value"],
        items=items,
        created_at=from_text(row["created_at"]),
        conversation_id=row["conversation_id"],
        buyer_online=None if online is None else bool(online),
        paid_at=from_text(row["paid_at"]),
        cancelled_at=from_text(row["cancelled_at"]),
        refunded_at=from_text(row["refunded_at"]),
    )


def _reminder(row: dict) -> Reminder:
    return Reminder(
        reminder_id=row["id"],
        shop_id=row["shop_id"],
        order_id=row["order_id"],
        day=date.fromisoformat(row["day"]),
        channel=row["channel"],
        reason_code=row["reason_code"],
        reason=row["reason"],
        due_at=from_text(row["due_at"]),
        planned_at=from_text(row["planned_at"]),
        result=row["result"],
        buyer_reason=row["buyer_reason"],
        buyer_reason_text=row["buyer_reason_text"],
        amount_won=row["amount_won"],
        agent_id=row["agent_id"],
        recorded_at=from_text(row["recorded_at"]),
    )


class OrderStore:
    def __init__(self, db: Database, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock

    def record(self, shop_id: str, event: OrderEvent, received_at: datetime) -> tuple[Order, bool]:
        """(the order after the event, whether the event was new). A repeated (order, event)
        changes nothing, whatever its body says."""
        with self._lock, self._db.atomic():
            key = (shop_id, event.order_id, event.event)
            if self._db.execute(
                "select 1 from order_events where shop_id = ? and order_id = ? and event = ?", key
            ).fetchone():
                return self.order(shop_id, event.order_id), False
            self._db["order_events"].insert(
                {
                    "shop_id": shop_id,
                    "order_id": event.order_id,
                    "event": event.event,
                    "at": to_text(event.at),
                    "received_at": to_text(received_at),
                }
            )
            self._apply(shop_id, event)
            return self.order(shop_id, event.order_id), True

    def _apply(self, shop_id: str, event: OrderEvent) -> None:
        existing = self._find(shop_id, event.order_id)
        snapshot = {
            "shop_id": shop_id,
            "order_id": event.order_id,
            "buyer_id": event.buyer_id,
            "conversation_id": event.conversation_id,
            "value": event.value,
            "items": json.dumps([asdict(item) for item in event.items], ensure_ascii=False),
            "buyer_online": None if event.buyer_online is None else int(event.buyer_online),
        }
        if existing is None:
            # an order first seen by its payment: placed no later than paid
            self._db["orders"].insert({**snapshot, "created_at": to_text(event.at)})
        elif event.event == "created":
            snapshot["created_at"] = to_text(event.at)
        if existing is not None:
            self._db["orders"].update((shop_id, event.order_id), snapshot)
        column = _EVENT_COLUMN.get(event.event)
        if column:
            self._db["orders"].update((shop_id, event.order_id), {column: to_text(event.at)})

    def _find(self, shop_id: str, order_id: str) -> dict | None:
        rows = self._db["orders"].rows_where("shop_id = ? and order_id = ?", [shop_id, order_id])
        return next(iter(rows), None)

    def order(self, shop_id: str, order_id: str) -> Order:
        with self._lock:
            row = self._find(shop_id, order_id)
        if row is None:
            raise NotFoundError(f"No order {order_id!r} in this shop.")
        return _order(row)

    def open_orders(self, shop_id: str) -> list[Order]:
        """Orders neither paid nor cancelled, oldest first."""
        where = "shop_id = ? and paid_at is null and cancelled_at is null"
        with self._lock:
            rows = list(self._db["orders"].rows_where(where, [shop_id], order_by="created_at"))
        return [_order(row) for row in rows]

    def latest_in_conversation(self, shop_id: str, conversation_id: str) -> Order | None:
        """The conversation's most recently placed order, if a connector reported one: drafting
        reads the buyer's stage and the order value from it."""
        # a plain query: `rows_where` reads the table's schema first, on every suggestion
        sql = (
            "select * from orders where shop_id = ? and conversation_id = ?"
            " order by created_at desc limit 1"
        )
        with self._lock:
            row = next(self._db.query(sql, [shop_id, conversation_id]), None)
        return None if row is None else _order(row)

    def orders_between(self, shop_id: str, since: datetime, until: datetime) -> list[Order]:
        where = "shop_id = ? and created_at >= ? and created_at <= ?"
        with self._lock:
            rows = self._db["orders"].rows_where(
                where, [shop_id, to_text(since), to_text(until)], order_by="created_at"
            )
            return [_order(row) for row in rows]

    def plan(self, reminder: Reminder) -> Reminder:
        """Stores the day's reminder for the order, or returns the one already planned that day."""
        with self._lock, self._db.atomic():
            existing = self._on_day(reminder.shop_id, reminder.order_id, reminder.day)
            if existing is not None:
                return existing
            row = {
                "id": reminder.reminder_id or "rem_" + secrets.token_hex(8),
                "shop_id": reminder.shop_id,
                "order_id": reminder.order_id,
                "day": reminder.day.isoformat(),
                "channel": reminder.channel,
                "reason_code": reminder.reason_code,
                "reason": reminder.reason,
                "due_at": to_text(reminder.due_at),
                "planned_at": to_text(reminder.planned_at),
            }
            self._db["reminders"].insert(row)
            return self._on_day(reminder.shop_id, reminder.order_id, reminder.day)

    def _on_day(self, shop_id: str, order_id: str, day: date) -> Reminder | None:
        rows = self._db["reminders"].rows_where(
            "shop_id = ? and order_id = ? and day = ?", [shop_id, order_id, day.isoformat()]
        )
        row = next(iter(rows), None)
        return _reminder(row) if row else None

    def reminders_of(self, shop_id: str, order_id: str) -> list[Reminder]:
        with self._lock:
            rows = self._db["reminders"].rows_where(
                "shop_id = ? and order_id = ?", [shop_id, order_id], order_by="day"
            )
            return [_reminder(row) for row in rows]

    def reminders_between(self, shop_id: str, first: date, last: date) -> list[Reminder]:
        where = "shop_id = ? and day >= ? and day <= ?"
        with self._lock:
            rows = self._db["reminders"].rows_where(
                where, [shop_id, first.isoformat(), last.isoformat()], order_by="day, due_at, id"
            )
            return [_reminder(row) for row in rows]

    def reminder(self, shop_id: str, reminder_id: str) -> Reminder:
        with self._lock:
            rows = self._db["reminders"].rows_where(
                "shop_id = ? and id = ?", [shop_id, reminder_id]
            )
            row = next(iter(rows), None)
        if row is None:
            raise NotFoundError(f"No reminder {reminder_id!r} in this shop.")
        return _reminder(row)

    def record_outcome(
        self, shop_id: str, reminder_id: str, outcome: Outcome, now: datetime
    ) -> Reminder:
        with self._lock, self._db.atomic():
            reminder = self.reminder(shop_id, reminder_id)
            if reminder.result is not None:
                raise ConflictError(
                    f"Reminder {reminder_id} already has an outcome ({reminder.result})."
                )
            self._db["reminders"].update(
                reminder_id,
                {
                    "result": outcome.result,
                    "buyer_reason": outcome.buyer_reason,
                    "buyer_reason_text": outcome.buyer_reason_text,
                    "amount_won": outcome.amount_won,
                    "agent_id": outcome.agent_id,
                    "recorded_at": to_text(now),
                },
            )
            return self.reminder(shop_id, reminder_id)
