"""A shop's service figures over a window (seeds 000, 001, 004): 询单转化率 (inquiries → orders →
paid), response times against the 10 s first-reply and 16 s average norms, the share of refund
requests and the hours a refund took, and payment-reminder conversion by channel and reason."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.shop.model import Shop
from bot.store import Store
from bot.store.orders import Reminder

# seed 001: a first reply within 10 s, an average within 16 s
FIRST_RESPONSE_NORM_S = 10.0
AVERAGE_RESPONSE_NORM_S = 16.0


@dataclass(frozen=True)
class ChannelFigures:
    followed: int
    converted: int
    amount_won: float

    @property
    def rate(self) -> float | None:
        return share(self.converted, self.followed)


@dataclass(frozen=True)
class SalesFigures:
    since: datetime
    until: datetime
    inquiries: int
    ordered: int
    paid: int
    answered_messages: int
    first_response_s: float | None
    average_response_s: float | None
    messages: int
    refund_requests: int
    refunds_resolved: int
    refund_hours: float | None
    reminders_by_channel: Mapping[str, ChannelFigures]
    reminders_by_reason: Mapping[str, ChannelFigures]

    @property
    def inquiry_conversion(self) -> float | None:
        """询单转化率: inquiries that ended in a paid order."""
        return share(self.paid, self.inquiries)

    @property
    def order_rate(self) -> float | None:
        return share(self.ordered, self.inquiries)

    @property
    def refund_share(self) -> float | None:
        return share(self.refund_requests, self.messages)


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def figures_of_days(store: Store, shop: Shop, first: date, last: date) -> SalesFigures:
    """The figures of the shop's days first to last, both included, in the shop's timezone."""
    zone = ZoneInfo(shop.hours.timezone)
    start = datetime.combine(first, time.min, zone)
    end = datetime.combine(last + timedelta(days=1), time.min, zone) - timedelta(microseconds=1)
    return sales_figures(store, shop, start, end)


def sales_figures(store: Store, shop: Shop, since: datetime, until: datetime) -> SalesFigures:
    asked = store.sales.inquiries(shop.id, since, until)
    responses = store.sales.responses(shop.id, since, until)
    first_per_conversation: dict[str, float] = {}
    for conversation, seconds in responses:
        first_per_conversation.setdefault(conversation, seconds)
    refunds = store.sales.refund_share(shop.id, since, until)
    refund_hours = store.sales.refund_hours(shop.id, since, until)
    zone = ZoneInfo(shop.hours.timezone)
    reminders = store.orders.reminders_between(
        shop.id, since.astimezone(zone).date(), until.astimezone(zone).date()
    )
    # reminders are stored by shop day; a window of date-times keeps those due inside it
    followed = [r for r in reminders if r.result and since <= r.due_at <= until]
    return SalesFigures(
        since=since,
        until=until,
        inquiries=asked["inquiries"],
        ordered=asked["ordered"],
        paid=asked["paid"],
        answered_messages=len(responses),
        first_response_s=_mean(list(first_per_conversation.values())),
        average_response_s=_mean([seconds for _, seconds in responses]),
        messages=refunds["messages"],
        refund_requests=refunds["refund_requests"],
        refunds_resolved=len(refund_hours),
        refund_hours=_mean(refund_hours),
        reminders_by_channel=figures_by(followed, lambda reminder: reminder.channel),
        reminders_by_reason=figures_by(followed, lambda reminder: reminder.reason_code),
    )


def figures_by(reminders: list[Reminder], key: Callable[[Reminder], str]) -> dict:
    groups: dict[str, list[Reminder]] = {}
    for reminder in reminders:
        groups.setdefault(key(reminder), []).append(reminder)
    return {
        name: ChannelFigures(
            followed=len(group),
            converted=sum(r.result == "paid" for r in group),
            amount_won=sum(r.amount_won or 0 for r in group),
        )
        for name, group in sorted(groups.items())
    }
