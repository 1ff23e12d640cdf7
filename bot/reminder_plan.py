"""Which unpaid orders are followed up now, and how (催付, seed 000): by phone for high order
values or a buyer who is offline, on the platform's IM (旺旺/咚咚) only once the order has been
unpaid for ten minutes and the buyer is online, by SMS for low values and on promotion days.
Phone and SMS follow-ups happen at the shop's daily batches; never at night in the shop's
timezone, never twice a day for one order, never once it is paid or cancelled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.orders import Order
from bot.shop.model import Shop
from bot.shop.reminders import ReminderRules

# results after which an order is not followed again
FINAL_RESULTS = ("paid", "declined")


@dataclass(frozen=True)
class Plan:
    channel: str
    reason_code: str
    reason: str
    due_at: datetime


def channel_for(order: Order, rules: ReminderRules, now: datetime) -> tuple[str, str, str] | None:
    """(channel, reason code, reason) for the order at `now`; None while an online buyer's order
    has not waited long enough for an IM reminder."""
    value = f"{order.value:g}"
    if order.value >= rules.phone_min_value:
        return "phone", "high_value", f"order value {value} ≥ {rules.phone_min_value:g}: phone"
    if order.buyer_online:
        if now - order.created_at < timedelta(minutes=rules.im_after_minutes):
            return None
        waited = f"unpaid ≥ {rules.im_after_minutes} min and the buyer is online"
        return "im", "buyer_online", f"{waited}: IM"
    if now.date() in rules.promotion_days:
        return "sms", "promotion_day", "promotion day, too many unpaid orders to call: SMS"
    if order.value < rules.sms_max_value:
        return "sms", "low_value", f"order value {value} < {rules.sms_max_value:g}: SMS"
    return "phone", "buyer_offline", "the buyer is not online on IM: phone"


def due_at(order: Order, rules: ReminderRules, channel: str, now: datetime) -> datetime | None:
    """When today's reminder became due (at or before `now`), or None if it is not due yet."""
    zone = now.tzinfo
    earliest = order.created_at + timedelta(minutes=rules.im_after_minutes)
    if channel == "im":
        due = max(earliest.astimezone(zone), datetime.combine(now.date(), time.min, zone))
        if rules.at_night(due.time()):
            # waited through the night: due when the night ends
            due = datetime.combine(now.date(), rules.night_ends, zone)
        return due if due <= now else None
    for batch in rules.batches:
        moment = datetime.combine(now.date(), batch, zone)
        if earliest <= moment <= now:
            return moment
    return None


def plan_reminder(
    order: Order, shop: Shop, now: datetime, previous_results: tuple[str, ...] = ()
) -> Plan | None:
    """Today's reminder for the order if one is due at `now` (in any timezone)."""
    rules = shop.reminders
    if rules is None or not order.unpaid_at(now):
        return None
    if any(result in FINAL_RESULTS for result in previous_results):
        return None
    zone = ZoneInfo(shop.hours.timezone)
    local = now.astimezone(zone)
    if rules.at_night(local.time()):
        return None
    if (local.date() - order.created_at.astimezone(zone).date()).days >= rules.follow_days:
        return None
    chosen = channel_for(order, rules, local)
    if chosen is None:
        return None
    channel, code, reason = chosen
    due = due_at(order, rules, channel, local)
    if due is None:
        return None
    return Plan(channel, code, reason, due)
