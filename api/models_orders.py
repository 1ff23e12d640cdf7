"""Request and response bodies of the order and reminder endpoints, on the shared rules of
api/models.py: ids, texts, amounts and moments are checked as everywhere else, and the schema
marks the fields that come back null."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Any, Literal

from pydantic import Field, StrictStr, conint, conlist, validator

from api.models import (
    MAX_ORDER_VALUE,
    FiguresOut,
    Schema,
    _Body,
    _id,
    _text,
    aware_moment,
    figures_by_key,
    id_field,
    moment_text,
    money,
    rounded_rate,
    text_field,
)
from bot.orders import EVENTS, Order, OrderEvent, OrderItem
from bot.reminders import BUYER_REASONS, RESULTS, DailyView, DueReminder
from bot.store.orders import Outcome, Reminder

MAX_REASON_TEXT = 500


def _money_field(description: str, default: Any = ...) -> Any:
    return Field(default, description=f"{description}, in yuan", ge=0, le=MAX_ORDER_VALUE)


class OrderItemIn(_Body):
    product_id: StrictStr = id_field("The product's id in the shop profile")
    quantity: conint(strict=True, ge=1, le=100_000)
    price: float = _money_field("Unit price paid")
    sku_id: StrictStr | None = id_field("The SKU's id", None)

    _ids = validator("product_id", "sku_id", allow_reuse=True)(_id)
    _price = validator("price", pre=True, allow_reuse=True)(money)


class OrderEventIn(_Body):
    order_id: StrictStr = id_field("The platform's order id")
    buyer_id: StrictStr = id_field("The platform's buyer id")
    conversation_id: StrictStr | None = id_field("The conversation the order came from", None)
    items: conlist(OrderItemIn, min_items=1, max_items=200)
    order_value: float = _money_field("What the buyer pays for the order")
    event: Literal[EVENTS]  # type: ignore[valid-type]
    event_time: datetime = Field(
        ..., description="ISO 8601 with a timezone offset, between 1970 and 2999"
    )
    buyer_online: bool | None = Field(
        None, description="the buyer is online on the platform's IM (旺旺/咚咚) now"
    )

    _ids = validator("order_id", "buyer_id", "conversation_id", allow_reuse=True)(_id)
    _value = validator("order_value", pre=True, allow_reuse=True)(money)
    _time_is_text = validator("event_time", pre=True, allow_reuse=True)(moment_text)
    _time_has_zone = validator("event_time", allow_reuse=True)(aware_moment)

    def to_event(self) -> OrderEvent:
        return OrderEvent(
            order_id=self.order_id,
            buyer_id=self.buyer_id,
            event=self.event,
            at=self.event_time,
            value=self.order_value,
            items=tuple(OrderItem(**item.dict()) for item in self.items),
            conversation_id=self.conversation_id,
            buyer_online=self.buyer_online,
        )


class OrderItemOut(Schema):
    product_id: str
    quantity: int
    price: float
    sku_id: str | None


class OrderOut(Schema):
    order_id: str
    buyer_id: str
    conversation_id: str | None
    status: str
    order_value: float
    items: list[OrderItemOut]
    created_at: datetime
    paid_at: datetime | None
    cancelled_at: datetime | None
    refunded_at: datetime | None


def _local(moment: datetime | None, zone: tzinfo) -> datetime | None:
    return moment.astimezone(zone) if moment else None


def order_out(order: Order, zone: tzinfo) -> OrderOut:
    return OrderOut(
        order_id=order.order_id,
        buyer_id=order.buyer_id,
        conversation_id=order.conversation_id,
        status=order.status,
        order_value=order.value,
        items=[OrderItemOut(**vars(item)) for item in order.items],
        created_at=_local(order.created_at, zone),
        paid_at=_local(order.paid_at, zone),
        cancelled_at=_local(order.cancelled_at, zone),
        refunded_at=_local(order.refunded_at, zone),
    )


class ScriptLineOut(Schema):
    code: str
    text: str


class ScriptOut(Schema):
    text: str = Field(description="opener plus the reason to pay now, ready to say or send")
    opener: str
    reason: ScriptLineOut | None = Field(description="at most one, backed by the profile now")
    answers: list[ScriptLineOut] = Field(description="answers for common payment problems")


class DueReminderOut(Schema):
    reminder_id: str
    order_id: str
    buyer_id: str
    conversation_id: str | None
    order_value: float
    channel: Literal["phone", "im", "sms"]
    reason_code: str
    reason: str
    due_at: datetime
    script: ScriptOut


class RemindersOut(Schema):
    now: datetime
    reminders: list[DueReminderOut]


def reminders_out(due: list[DueReminder], now: datetime, zone: tzinfo) -> RemindersOut:
    return RemindersOut(now=now.astimezone(zone), reminders=[_due_out(d, zone) for d in due])


def _due_out(due: DueReminder, zone: tzinfo) -> DueReminderOut:
    script = due.script
    reason = ScriptLineOut(**vars(script.reason)) if script.reason else None
    return DueReminderOut(
        reminder_id=due.reminder.reminder_id,
        order_id=due.order.order_id,
        buyer_id=due.order.buyer_id,
        conversation_id=due.order.conversation_id,
        order_value=due.order.value,
        channel=due.reminder.channel,
        reason_code=due.reminder.reason_code,
        reason=due.reminder.reason,
        due_at=due.reminder.due_at.astimezone(zone),
        script=ScriptOut(
            text=script.text,
            opener=script.opener,
            reason=reason,
            answers=[ScriptLineOut(**vars(line)) for line in script.answers],
        ),
    )


class OutcomeIn(_Body):
    result: Literal[RESULTS]  # type: ignore[valid-type]
    agent_id: StrictStr = id_field("The agent who followed the order")
    buyer_reason: Literal[BUYER_REASONS] | None = Field(  # type: ignore[valid-type]
        None, description="what the buyer said held them"
    )
    buyer_reason_text: StrictStr | None = text_field(
        MAX_REASON_TEXT, "the buyer's own words; required with buyer_reason 'other'", None
    )
    amount_won: float | None = _money_field("Paid after the reminder", None)

    _agent = validator("agent_id", allow_reuse=True)(_id)
    _reason_text = validator("buyer_reason_text", allow_reuse=True)(
        lambda v: _text(v, MAX_REASON_TEXT)
    )
    _amount = validator("amount_won", pre=True, allow_reuse=True)(money)

    @validator("buyer_reason_text", always=True)
    def _other_needs_text(cls, value, values):
        if values.get("buyer_reason") == "other" and value is None:
            raise ValueError("is required when buyer_reason is 'other'")
        return value

    @validator("amount_won", always=True)
    def _won_only_when_paid(cls, value, values):
        if value is not None and values.get("result") != "paid":
            raise ValueError("is only recorded with result 'paid'")
        return value

    def to_outcome(self) -> Outcome:
        return Outcome(
            result=self.result,
            agent_id=self.agent_id,
            buyer_reason=self.buyer_reason,
            buyer_reason_text=self.buyer_reason_text,
            amount_won=self.amount_won,
        )


class ReminderOut(Schema):
    reminder_id: str
    order_id: str
    day: date
    channel: str
    reason_code: str
    due_at: datetime
    result: str | None
    buyer_reason: str | None
    buyer_reason_text: str | None
    amount_won: float | None
    agent_id: str | None
    recorded_at: datetime | None


def reminder_out(reminder: Reminder, zone: tzinfo) -> ReminderOut:
    return ReminderOut(
        reminder_id=reminder.reminder_id,
        order_id=reminder.order_id,
        day=reminder.day,
        channel=reminder.channel,
        reason_code=reminder.reason_code,
        due_at=reminder.due_at.astimezone(zone),
        result=reminder.result,
        buyer_reason=reminder.buyer_reason,
        buyer_reason_text=reminder.buyer_reason_text,
        amount_won=reminder.amount_won,
        agent_id=reminder.agent_id,
        recorded_at=_local(reminder.recorded_at, zone),
    )


class DailyOut(Schema):
    day: date
    unpaid_orders: int
    followed: int
    converted: int
    rate: float | None = Field(description="converted / followed")
    amount_won: float
    by_channel: dict[str, FiguresOut]
    by_reason: dict[str, FiguresOut]


def daily_out(view: DailyView) -> DailyOut:
    return DailyOut(
        day=view.day,
        unpaid_orders=view.unpaid_orders,
        followed=view.followed,
        converted=view.converted,
        rate=rounded_rate(view.rate),
        amount_won=view.amount_won,
        by_channel=figures_by_key(view.by_channel),
        by_reason=figures_by_key(view.by_reason),
    )
