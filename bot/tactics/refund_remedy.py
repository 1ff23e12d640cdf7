"""Seeds 001: once the reason is known, offer the remedy that saves the order: an exchange for a
wrong size, a replacement or a small compensation (within authority) for a fault, usage help."""

from __future__ import annotations

from bot.tactics.context import Context, returns_text
from bot.tactics.refund_reason import stated_reason
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    reason = stated_reason(ctx)
    if reason == "size":
        facts = {"returns": returns_text(ctx.shop)}
        return [ctx.draft("refund_remedy", "refund_remedy.exchange", facts, False, False)]
    if reason == "defect":
        facts = {"compensation_max": ctx.shop.authority.compensation_max}
        return [ctx.draft("refund_remedy", "refund_remedy.compensate", facts, False, False)]
    if reason == "usage":
        return [ctx.draft("refund_remedy", "refund_remedy.usage", {})]
    return []
