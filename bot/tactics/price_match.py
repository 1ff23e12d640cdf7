"""Seeds 000: when another shop really is cheaper and the agent's own means are used up, the agent
asks a supervisor. Always needs approval; never sent unattended."""

from __future__ import annotations

from bot.tactics.context import Context, current_price
from bot.types import Draft

CUES = ("差价", "申请")


def propose(ctx: Context) -> list[Draft]:
    competitor = ctx.number("competitor_price")
    if ctx.product is None or competitor is None or competitor >= current_price(ctx):
        return []
    price = current_price(ctx)
    facts = {
        "product": ctx.product.name,
        "price": price,
        "competitor_price": competitor,
        "gap": round(price - competitor, 2),
    }
    return [ctx.draft("price_match", "price_match.ask_supervisor", facts)]
