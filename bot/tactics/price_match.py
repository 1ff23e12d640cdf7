"""Seeds 000: when another shop really is cheaper and the agent's own means are used up, the agent
asks a supervisor. Always needs approval; never sent unattended."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft

CUES = ("差价", "申请")


def propose(ctx: Context) -> list[Draft]:
    competitor = ctx.number("competitor_price")
    if ctx.product is None or competitor is None or competitor >= ctx.product.price:
        return []
    facts = {
        "product": ctx.product.name,
        "price": ctx.product.price,
        "competitor_price": competitor,
        "gap": round(ctx.product.price - competitor, 2),
    }
    return [ctx.draft("price_match", "price_match.ask_supervisor", facts)]
