"""A buyer past payment says the price dropped: the shop's price protection (价保) when it has
one, else an apology and a supervisor's decision — never a coupon "for this order" or a promotion,
which invite a second order (issue 15)."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    days = ctx.shop.service.price_protection_days
    if days == 0:
        return [ctx.draft("price_protection", "price_protection.supervisor", {"days": 0})]
    facts = {"days": days}
    order_id = ctx.order_id()
    if order_id is None:
        return [_draft(ctx, "price_protection.ask_order", facts)]
    return [_draft(ctx, "price_protection.check", facts | {"order_id": order_id})]


def _draft(ctx: Context, key: str, facts: dict) -> Draft:
    return ctx.draft("price_protection", key, facts, needs_approval=False)
