"""Tables of orders, their events and the payment reminders planned for them (a migration
appended to bot.store.schema)."""

from __future__ import annotations

from sqlite_utils import Database


def create_order_tables(db: Database) -> None:
    db["orders"].create(
        {
            "shop_id": str,
            "order_id": str,
            "buyer_id": str,
            "conversation_id": str,
            "value": float,
            "items": str,
            "buyer_online": int,
            "created_at": str,
            "paid_at": str,
            "cancelled_at": str,
            "refunded_at": str,
        },
        pk=("shop_id", "order_id"),
        not_null={"buyer_id", "value", "items", "created_at"},
        strict=True,
    )
    # one row per (order, event): a connector resending an event changes nothing
    db["order_events"].create(
        {"shop_id": str, "order_id": str, "event": str, "at": str, "received_at": str},
        pk=("shop_id", "order_id", "event"),
        not_null={"at", "received_at"},
        strict=True,
    )
    # one reminder per order and shop day: the unique index is the once-a-day rule
    db["reminders"].create(
        {
            "id": str,
            "shop_id": str,
            "order_id": str,
            "day": str,
            "channel": str,
            "reason_code": str,
            "reason": str,
            "due_at": str,
            "planned_at": str,
            "result": str,
            "buyer_reason": str,
            "buyer_reason_text": str,
            "amount_won": float,
            "agent_id": str,
            "recorded_at": str,
        },
        pk="id",
        not_null={"shop_id", "order_id", "day", "channel", "reason_code", "due_at", "planned_at"},
        strict=True,
    )
    db["reminders"].create_index(["shop_id", "order_id", "day"], unique=True)
    db["reminders"].create_index(["shop_id", "day"])
