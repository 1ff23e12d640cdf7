"""Seeds 000: paid before the morning cutoff ships this morning, before the afternoon cutoff this
afternoon; after that the agent only promises to try for the last pickup, then the next ship day."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.tactics.context import Context
from bot.types import Draft

CUES = ("发货", "能发", "几点发", "今天发", "发出")
WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
TODAY = ("morning", "afternoon", "evening")


def propose(ctx: Context) -> list[Draft]:
    shipping = ctx.shop.shipping
    clock = ctx.now.time()
    if ctx.now.weekday() in shipping.ship_days:
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
    today = ctx.now.weekday() in shipping.ship_days
    if today and shipping.last_pickup and ctx.now.time() < shipping.last_pickup:
        facts |= {"ships": "try_today", "last_pickup": shipping.last_pickup}
        return ctx.draft(
            "shipping_cutoff",
            "shipping_cutoff.try_today",
            facts,
            needs_approval=False,
            auto_send_safe=True,
        )
    day = next_ship_day(ctx.now, shipping.ship_days)
    facts |= {"ships": "next_ship_day", "ship_day": day.date(), "day": day_name(ctx.now, day)}
    return ctx.draft(
        "shipping_cutoff",
        "shipping_cutoff.next_day",
        facts,
        needs_approval=False,
        auto_send_safe=True,
    )


def next_ship_day(now: datetime, ship_days: frozenset[int]) -> datetime:
    day = now + timedelta(days=1)
    while day.weekday() not in ship_days:
        day += timedelta(days=1)
    return day


def day_name(now: datetime, day: datetime) -> str:
    if (day.date() - now.date()).days == 1:
        return "明天"
    return WEEKDAY_NAMES[day.weekday()]
