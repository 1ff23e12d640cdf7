"""Seeds 000: paid before the morning cutoff ships this morning, before the afternoon cutoff this
afternoon; after that the agent only promises to try for the last pickup, then the next ship day."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.shop.model import Shop
from bot.tactics.context import Context
from bot.types import Draft

CUES = ("发货", "能发", "几点发", "今天发", "发出")
WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
TODAY = ("morning", "afternoon", "evening")


def propose(ctx: Context) -> list[Draft]:
    shipping = ctx.shop.shipping
    clock = ctx.now.time()
    if ships_on(ctx.shop, ctx.now.date()):
        for cutoff in shipping.cutoffs:
            if clock < cutoff.before:
                facts = {"now": ctx.now, "cutoff": cutoff.before, "ships": cutoff.ships}
                return [
                    ctx.draft(
                        "shipping_cutoff",
                        f"shipping_cutoff.{cutoff.ships}",
                        facts,
                        needs_approval=False,
                        auto_send_safe=True,
                    )
                ]
    if ctx.intent != "shipping_time":
        return []
    return [_after_cutoffs(ctx)]


def _after_cutoffs(ctx: Context) -> Draft:
    shipping = ctx.shop.shipping
    facts = {"now": ctx.now, "cutoff": shipping.cutoffs[-1].before}
    today = ships_on(ctx.shop, ctx.now.date())
    if today and shipping.last_pickup and ctx.now.time() < shipping.last_pickup:
        facts |= {"ships": "try_today", "last_pickup": shipping.last_pickup}
        return ctx.draft(
            "shipping_cutoff",
            "shipping_cutoff.try_today",
            facts,
            needs_approval=False,
            auto_send_safe=True,
        )
    day = next_ship_day(ctx.now, ctx.shop)
    facts |= {"ships": "next_ship_day", "ship_day": day.date(), "day": day_name(ctx.now, day)}
    return ctx.draft(
        "shipping_cutoff",
        "shipping_cutoff.next_day",
        facts,
        needs_approval=False,
        auto_send_safe=True,
    )


def ships_on(shop: Shop, day: date) -> bool:
    """A ship day of the week that is not a day the shop is closed all day (a holiday in
    `hours`): nobody packs then, so no draft promises it."""
    return day.weekday() in shop.shipping.ship_days and shop.hours.dates.get(day) != ()


def next_ship_day(now: datetime, shop: Shop) -> datetime:
    day = now + timedelta(days=1)
    while not ships_on(shop, day.date()):
        day += timedelta(days=1)
    return day


def day_name(now: datetime, day: datetime) -> str:
    """明天, a weekday of the coming week, or the date when a holiday pushes it further."""
    ahead = (day.date() - now.date()).days
    if ahead == 1:
        return "明天"
    if ahead < 7:
        return WEEKDAY_NAMES[day.weekday()]
    return f"{day.month}月{day.day}日"
