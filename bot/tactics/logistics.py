"""Seeds 003: follow a shipped parcel up — ask for the order number or promise to check it."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    facts = {"carriers": ctx.shop.shipping.carriers}
    order_id = ctx.order_id()
    if order_id is None:
        return [
            ctx.draft(
                "logistics", "logistics.ask_order", facts, needs_approval=False, auto_send_safe=True
            )
        ]
    return [
        ctx.draft(
            "logistics",
            "logistics.check",
            facts | {"order_id": order_id},
            needs_approval=False,
            auto_send_safe=True,
        )
    ]
