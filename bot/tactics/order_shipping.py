"""A paid buyer asks when their order ships: the shop's cutoff rule said about their order, with
no "现在拍" (they already bought). Before today's last cutoff the order leaves today; after it
the agent states the rule and the next ship day and follows the order up."""

from __future__ import annotations

import re

from bot.stage import ORDERED_UNPAID, PAID_NOT_SHIPPED
from bot.tactics.context import Context
from bot.tactics.shipping_cutoff import day_name, next_ship_day, ships_on
from bot.types import Draft

# "付好了 你看下": a buyer who reports paying gets their payment acknowledged first
PAID_DONE = re.compile(
    r"(?<![不没未别])(?:付好了|付好款|付款了|已付款|已经付|付过了|付完了|付了|已支付|支付了|支付好了)"
    r"(?![吗嘛么没])"
)
ORDER_DONE = re.compile(
    r"(?<![不没未别])(?:拍好了|拍下了|拍了(?!照|张|图|视频)|下单了|已下单|下好单|下好了)(?![吗嘛么没])"
)


def reports_done(ctx: Context) -> bool:
    """The message says the buyer ordered or paid ("付好了", "那我拍了")."""
    text = ctx.understanding.text
    return PAID_DONE.search(text) is not None or ORDER_DONE.search(text) is not None


WHEN = {"morning": "今天上午", "afternoon": "今天下午", "evening": "今晚"}


def propose(ctx: Context) -> list[Draft]:
    shipping = ctx.shop.shipping
    if ships_on(ctx.shop, ctx.now.date()):
        for cutoff in shipping.cutoffs:
            if ctx.now.time() < cutoff.before:
                facts = {"cutoff": cutoff.before, "ships": cutoff.ships, "when": WHEN[cutoff.ships]}
                return [_draft(ctx, "order_shipping.today", facts)]
    day = next_ship_day(ctx.now, ctx.shop)
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
    if unpaid:
        key += "_unpaid"
    elif ctx.stage.name == PAID_NOT_SHIPPED and PAID_DONE.search(ctx.understanding.text):
        key += "_ack"
    return ctx.draft("order_shipping", key, facts, needs_approval=False)
