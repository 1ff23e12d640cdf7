"""The payment-reminder desk: order events in, the reminders due now out (with channel, script
and reason), the agents' outcomes logged, and the supervisor's daily figures. Nothing is sent:
people call and write, the desk plans and drafts."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.errors import InvalidRequestError
from bot.figures import ChannelFigures, SalesFigures, figures_by, sales_figures, share
from bot.orders import Order, OrderEvent
from bot.reminder_plan import plan_reminder
from bot.reminder_script import ReminderScript, reminder_script
from bot.shop.model import Shop
from bot.store import Store
from bot.store.orders import Outcome, Reminder

RESULTS = ("paid", "will_pay", "declined", "unreachable")
# the reasons buyers give in the article's follow-up log (seed 000), and "other" with free text
BUYER_REASONS = (
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
)
CSV_COLUMNS = (
    "reminder_id",
    "day",
    "order_id",
    "buyer_id",
    "order_value",
    "products",
    "channel",
    "reason_code",
    "result",
    "buyer_reason",
    "buyer_reason_text",
    "amount_won",
    "agent_id",
)


@dataclass(frozen=True)
class DueReminder:
    reminder: Reminder
    order: Order
    script: ReminderScript


@dataclass(frozen=True)
class DailyView:
    day: date
    unpaid_orders: int
    followed: int
    converted: int
    amount_won: float
    by_channel: Mapping[str, ChannelFigures]
    by_reason: Mapping[str, ChannelFigures]

    @property
    def rate(self) -> float | None:
        return share(self.converted, self.followed)


class ReminderDesk:
    def __init__(
        self, store: Store, shops: Mapping[str, Shop], clock: Callable[[], datetime]
    ) -> None:
        self._store = store
        self._shops = shops
        self._clock = clock

    def zone(self, shop_id: str) -> ZoneInfo:
        return ZoneInfo(self._shops[shop_id].hours.timezone)

    def now(self) -> datetime:
        return self._clock()

    def today(self, shop_id: str) -> date:
        return self._clock().astimezone(self.zone(shop_id)).date()

    def service_figures(self, shop_id: str, since: datetime, until: datetime) -> SalesFigures:
        return sales_figures(self._store, self._shops[shop_id], since, until)

    def record_event(self, shop_id: str, event: OrderEvent) -> tuple[Order, bool]:
        return self._store.orders.record(shop_id, event, self._clock())

    def due(self, shop_id: str) -> list[DueReminder]:
        """Plans today's reminders that have come due, then lists every reminder of today that
        has no outcome yet and whose order is still unpaid, in due order."""
        shop, now = self._shops[shop_id], self._clock()
        local = now.astimezone(self.zone(shop_id))
        if shop.reminders is None or shop.reminders.at_night(local.time()):
            return []
        orders = {order.order_id: order for order in self._store.orders.open_orders(shop_id)}
        for order in orders.values():
            self._plan(order, shop, now)
        listed = []
        today = local.date()
        for reminder in self._store.orders.reminders_between(shop_id, today, today):
            order = orders.get(reminder.order_id)
            if reminder.result is None and order is not None and order.unpaid_at(now):
                script = reminder_script(order, shop, reminder.channel, now)
                listed.append(DueReminder(reminder, order, script))
        return sorted(listed, key=lambda due: (due.reminder.due_at, due.reminder.reminder_id))

    def _plan(self, order: Order, shop: Shop, now: datetime) -> None:
        earlier = self._store.orders.reminders_of(shop.id, order.order_id)
        plan = plan_reminder(order, shop, now, tuple(r.result for r in earlier if r.result))
        if plan is None:
            return
        day = plan.due_at.date()
        reminder_id = f"rem-{shop.id}-{order.order_id}-{day:%Y%m%d}"
        self._store.orders.plan(
            Reminder(
                reminder_id, shop.id, order.order_id, day, plan.channel, plan.reason_code,
                plan.reason, plan.due_at, now,
            )
        )  # fmt: skip

    def record_outcome(self, shop_id: str, reminder_id: str, outcome: Outcome) -> Reminder:
        if outcome.result not in RESULTS:
            raise InvalidRequestError(f"result: must be one of {', '.join(RESULTS)}.")
        return self._store.orders.record_outcome(shop_id, reminder_id, outcome, self._clock())

    def log_csv(self, shop_id: str, first: date, last: date) -> str:
        """The follow-up log the article's agents keep: one row per reminder."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        shop = self._shops[shop_id]
        for reminder in self._store.orders.reminders_between(shop_id, first, last):
            order = self._store.orders.order(shop_id, reminder.order_id)
            names = "、".join(_product_name(shop, item.product_id) for item in order.items)
            writer.writerow(
                (
                    reminder.reminder_id, reminder.day.isoformat(), order.order_id,
                    order.buyer_id, f"{order.value:g}", names, reminder.channel,
                    reminder.reason_code, reminder.result or "", reminder.buyer_reason or "",
                    reminder.buyer_reason_text or "",
                    "" if reminder.amount_won is None else f"{reminder.amount_won:g}",
                    reminder.agent_id or "",
                )
            )  # fmt: skip
        return out.getvalue()

    def daily(self, shop_id: str, day: date) -> DailyView:
        """Unpaid orders of the day (placed by its end, still unpaid at some moment of it after
        the IM wait), how many were followed (an outcome recorded), converted (paid) and won."""
        zone = self.zone(shop_id)
        start = datetime.combine(day, time.min, zone)
        end = start + timedelta(days=1)
        rules = self._shops[shop_id].reminders
        wait = timedelta(minutes=rules.im_after_minutes if rules else 0)
        orders = self._store.orders.orders_between(shop_id, start - timedelta(days=31), end)
        unpaid = [o for o in orders if _unpaid_during(o, max(start, o.created_at + wait), end)]
        followed = [r for r in self._store.orders.reminders_between(shop_id, day, day) if r.result]
        return DailyView(
            day=day,
            unpaid_orders=len(unpaid),
            followed=len(followed),
            converted=sum(r.result == "paid" for r in followed),
            amount_won=sum(r.amount_won or 0 for r in followed),
            by_channel=figures_by(followed, lambda r: r.channel),
            by_reason=figures_by(followed, lambda r: r.reason_code),
        )


def _unpaid_during(order: Order, start: datetime, end: datetime) -> bool:
    return start < end and order.unpaid_at(start)


def _product_name(shop: Shop, product_id: str) -> str:
    product = shop.product(product_id)
    return product.name if product else product_id
