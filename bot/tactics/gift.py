"""Seeds 000: a gift from the tier the order reaches, within the agent's gift authority; a swap only
for the alternatives listed in that tier (same value band). Discretionary: never auto-sent."""

from __future__ import annotations

from bot.shop.model import GiftTier
from bot.tactics.context import Context
from bot.types import Draft

CUES = ("赠品", "送什么", "送点", "礼物", "送个")


def propose(ctx: Context) -> list[Draft]:
    tier = _tier(ctx)
    if tier is None:
        return []
    facts = {"order_value": ctx.spend(), "min_order_value": tier.min_order_value}
    facts |= {"gift": tier.gift, "gift_value": tier.value}
    swap = next((swap for swap in tier.swaps if ctx.mentions(swap)), None)
    if swap:
        return [ctx.draft("gift", "gift.swap", facts | {"swap": swap}, needs_approval=False)]
    if tier.swaps:
        return [
            ctx.draft(
                "gift", "gift.offer_swaps", facts | {"swaps": tier.swaps}, needs_approval=False
            )
        ]
    return [ctx.draft("gift", "gift.offer", facts, needs_approval=False)]


def _tier(ctx: Context) -> GiftTier | None:
    spend = ctx.spend()
    if spend is None or (ctx.product is not None and not ctx.product.gift_eligible):
        return None
    reached = [tier for tier in ctx.shop.gift_tiers if tier.min_order_value <= spend]
    return reached[-1] if reached else None
