"""Seeds 001: once the reason is known, offer the remedy that saves the order: an exchange for a
wrong size, a replacement or a small compensation (within authority) for a fault, usage help."""

from __future__ import annotations

from bot.tactics.context import Context, returns_text
from bot.tactics.refund_reason import stated_reason, wanted_size
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    reason = stated_reason(ctx)
    if reason == "size":
        facts = {"returns": returns_text(ctx.shop)}
        size = wanted_size(ctx)
        if size is not None:
            # the buyer named the size they want: confirm it, never ask which one
            facts |= {"size": size}
            return [
                ctx.draft(
                    "refund_remedy", "refund_remedy.exchange_size", facts, needs_approval=False
                )
            ]
        return [ctx.draft("refund_remedy", "refund_remedy.exchange", facts, needs_approval=False)]
    if reason == "defect":
        facts = {"compensation_max": ctx.shop.authority.compensation_max}
        return [ctx.draft("refund_remedy", "refund_remedy.compensate", facts, needs_approval=False)]
    if reason == "usage":
        return [
            ctx.draft(
                "refund_remedy",
                "refund_remedy.usage",
                {},
                needs_approval=False,
                auto_send_safe=True,
            )
        ]
    return []
