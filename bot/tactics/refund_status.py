"""Where a refund is and when the money arrives, from the shop's refund timing."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    facts = {"refund_days": ctx.shop.service.refund_days}
    order_id = ctx.order_id()
    if order_id is None:
        return [
            ctx.draft(
                "refund_status",
                "refund_status.ask_order",
                facts,
                needs_approval=False,
                auto_send_safe=True,
            )
        ]
    return [
        ctx.draft(
            "refund_status",
            "refund_status.check",
            facts | {"order_id": order_id},
            needs_approval=False,
            auto_send_safe=True,
        )
    ]
