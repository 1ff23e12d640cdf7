"""A paid buyer asks when their order ships: the shop's cutoff rule said about their order, with
no "现在拍" (they already bought). Before today's last cutoff the order leaves today; after it
the agent states the rule and the next ship day and follows the order up."""

from __future__ import annotations

from bot.stage import ORDERED_UNPAID
from bot.tactics.context import Context
from bot.tactics.shipping_cutoff import day_name, next_ship_day
from bot.types import Draft

WHEN = {"morning": "上午", "afternoon": "下午", "evening": "今晚"}


def propose(ctx: Context) -> list[Draft]:
    shipping = ctx.shop.shipping
    if ctx.now.weekday() in shipping.ship_days:
        for cutoff in shipping.cutoffs:
            if ctx.now.time() < cutoff.before:
                facts = {"cutoff": cutoff.before, "ships": cutoff.ships, "when": WHEN[cutoff.ships]}
                return [_draft(ctx, "order_shipping.today", facts)]
    day = next_ship_day(ctx.now, shipping.ship_days)
    facts = {
        "cutoff": shipping.cutoffs[-1].before,
        "ships": "next_ship_day",
        "ship_day": day.date(),
        "day": day_name(ctx.now, day),
    }
    return [_draft(ctx, "order_shipping.next_day", facts)]


def _draft(ctx: Context, key: str, facts: dict) -> Draft:
    # an order not yet paid ships by the same rule, counted from when it is paid
    unpaid = ctx.stage.name == ORDERED_UNPAID
    return ctx.draft("order_shipping", key + "_unpaid" * unpaid, facts, needs_approval=False)
