"""Seeds 003: follow a shipped parcel up — ask for the order number or promise to check it."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    facts = {"carriers": ctx.shop.shipping.carriers}
    order_id = ctx.text_value("order_id")
    if order_id is None:
        return [ctx.draft("logistics", "logistics.ask_order", facts)]
    return [ctx.draft("logistics", "logistics.check", facts | {"order_id": order_id})]
