"""Request and response bodies of the order and reminder endpoints."""

from __future__ import annotations

from datetime import date, datetime, timezone, tzinfo
from typing import Literal

from pydantic import BaseModel, Field, confloat, conint, conlist, constr, validator

from bot.figures import AVERAGE_RESPONSE_NORM_S, FIRST_RESPONSE_NORM_S, ChannelFigures, SalesFigures
from bot.orders import Order, OrderEvent, OrderItem
from bot.reminders import DailyView, DueReminder
from bot.store.orders import Outcome, Reminder

# no spaces, slashes or control characters: ids appear in paths (/v1/reminders/{id}/...)
Id = constr(strict=True, min_length=1, max_length=64, regex=r"^[^\s/\x00-\x1f\x7f]+$")
Money = confloat(ge=0, le=100_000_000)
EARLIEST = datetime(1970, 1, 1, tzinfo=timezone.utc)
LATEST = datetime(2999, 12, 31, 23, 59, 59, tzinfo=timezone.utc)


class _Strict(BaseModel):
    class Config:
        extra = "forbid"

    @validator("*")
    def _unicode(cls, value):
        """SQLite stores UTF-8: a lone surrogate (\\ud800) is refused here, not by the database."""
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("must be valid Unicode text") from None
        return value


class OrderItemIn(_Strict):
    product_id: Id = Field(description="the product's id in the shop profile")
    quantity: conint(strict=True, ge=1, le=100_000)
    price: Money = Field(description="unit price paid, in yuan")
    sku_id: Id | None = None


class OrderEventIn(_Strict):
    order_id: Id
    buyer_id: Id
    conversation_id: Id | None = None
    items: conlist(OrderItemIn, min_items=1, max_items=200)
    order_value: Money = Field(description="what the buyer pays for the order, in yuan")
    event: Literal["created", "paid", "cancelled", "refunded"]
    event_time: datetime = Field(description="ISO 8601 with a timezone offset")
    buyer_online: bool | None = Field(
        None, description="the buyer is online on the platform's IM (旺旺/咚咚) now"
    )

    @validator("event_time")
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("must include a timezone offset, such as Z or +08:00")
        if not EARLIEST <= value <= LATEST:
            raise ValueError("must be between 1970-01-01T00:00:00Z and 2999-12-31T23:59:59Z")
        return value

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


class OrderItemOut(BaseModel):
    product_id: str
    quantity: int
    price: float
    sku_id: str | None


class OrderOut(BaseModel):
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


class ScriptLineOut(BaseModel):
    code: str
    text: str


class ScriptOut(BaseModel):
    text: str = Field(description="opener plus the reason to pay now, ready to say or send")
    opener: str
    reason: ScriptLineOut | None = Field(description="at most one, backed by the profile now")
    answers: list[ScriptLineOut] = Field(description="answers for common payment problems")


class DueReminderOut(BaseModel):
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


class RemindersOut(BaseModel):
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


BuyerReason = Literal[
    "card_limit",
    "price",
    "mistake",
    "company_transfer",
    "out_of_stock",
    "contract",
    "not_buyer",
    "payment_problem",
    "instalments",
    "other",
]


class OutcomeIn(_Strict):
    result: Literal["paid", "will_pay", "declined", "unreachable"]
    agent_id: Id
    buyer_reason: BuyerReason | None = Field(None, description="what the buyer said held them")
    buyer_reason_text: constr(strip_whitespace=True, min_length=1, max_length=500) | None = None
    amount_won: Money | None = Field(None, description="paid after the reminder, in yuan")

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


class ReminderOut(BaseModel):
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


class FiguresOut(BaseModel):
    followed: int
    converted: int
    rate: float | None
    amount_won: float


def _figures_out(figures: ChannelFigures) -> FiguresOut:
    rate = figures.converted / figures.followed if figures.followed else None
    return FiguresOut(
        followed=figures.followed,
        converted=figures.converted,
        rate=rate,
        amount_won=figures.amount_won,
    )


class DailyOut(BaseModel):
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
        rate=view.rate,
        amount_won=view.amount_won,
        by_channel={k: _figures_out(v) for k, v in view.by_channel.items()},
        by_reason={k: _figures_out(v) for k, v in view.by_reason.items()},
    )


class ResponseTimesOut(BaseModel):
    answered_messages: int
    first_response_s: float | None = Field(description="mean over conversations")
    average_response_s: float | None
    first_response_norm_s: float
    average_response_norm_s: float


class ServiceFiguresOut(BaseModel):
    since: datetime
    until: datetime
    inquiries: int = Field(description="conversations with a buyer message in the period")
    ordered: int
    paid: int
    inquiry_conversion: float | None = Field(description="询单转化率: paid / inquiries")
    response_times: ResponseTimesOut
    messages: int
    refund_requests: int
    refund_share: float | None
    refunds_resolved: int
    refund_hours: float | None = Field(description="mean, first refund request to refund")
    reminders_by_channel: dict[str, FiguresOut]
    reminders_by_reason: dict[str, FiguresOut]


def service_figures_out(figures: SalesFigures, zone: tzinfo) -> ServiceFiguresOut:
    return ServiceFiguresOut(
        since=figures.since.astimezone(zone),
        until=figures.until.astimezone(zone),
        inquiries=figures.inquiries,
        ordered=figures.ordered,
        paid=figures.paid,
        inquiry_conversion=figures.inquiry_conversion,
        response_times=ResponseTimesOut(
            answered_messages=figures.answered_messages,
            first_response_s=figures.first_response_s,
            average_response_s=figures.average_response_s,
            first_response_norm_s=FIRST_RESPONSE_NORM_S,
            average_response_norm_s=AVERAGE_RESPONSE_NORM_S,
        ),
        messages=figures.messages,
        refund_requests=figures.refund_requests,
        refund_share=figures.refund_share,
        refunds_resolved=figures.refunds_resolved,
        refund_hours=figures.refund_hours,
        reminders_by_channel={k: _figures_out(v) for k, v in figures.reminders_by_channel.items()},
        reminders_by_reason={k: _figures_out(v) for k, v in figures.reminders_by_reason.items()},
    )
