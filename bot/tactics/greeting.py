"""Seeds 002: a warm opening without small talk, straight to what the buyer needs — to a buyer
with an order, their order ("您看中哪款了" is for shoppers)."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    key = "greeting.order" if ctx.stage.has_order else "greeting.hello"
    facts = {"shop": ctx.shop.name}
    return [ctx.draft("greeting", key, facts, needs_approval=False, auto_send_safe=True)]
