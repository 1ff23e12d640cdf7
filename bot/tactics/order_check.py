"""The neutral order look-up (issue 15): when the message is about an order but a promise-like
answer (where the parcel is, when the refund arrives) would be a guess — the intent is unsure or
the stage does not fit — the agent only says they are checking the order, using the order number
when the buyer already gave it."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    order_id = ctx.order_id()
    if order_id is None:
        return [ctx.draft("order_check", "order_check.ask", {}, needs_approval=False)]
    facts = {"order_id": order_id}
    return [ctx.draft("order_check", "order_check.known", facts, needs_approval=False)]
