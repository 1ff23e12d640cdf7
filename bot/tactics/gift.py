"""Seeds 000: a gift from the tier the order reaches, within the agent's gift authority; a swap only
for the alternatives listed in that tier (same value band). Below the lowest tier, asked about
gifts, the agent says how much more reaches it (raising the order value). Discretionary: never
auto-sent."""

from __future__ import annotations

import re

from bot.shop.model import GiftTier
from bot.tactics.context import Context
from bot.types import Draft

# A gift already offered comes back when the buyer asks for it again in these words.
CUES = ("赠品", "赠送", "礼品", "礼物", "送什么", "送啥", "送点", "送个", "有送", "送不送")
# Words that send a message to this tactic whatever its intent (bot.drafting). Narrower than
# asks_about_gift, which reads a message once the tactic is chosen: as a route, "礼物" and "送吗"
# would take "生日礼物 28号前能到不" and "今天能送吗" away from their delivery answers.
GIFT_WORDS = (
    "赠品",
    "送什么",
    "送啥",
    "有送",
    "送不送",
    "赠送",
    "礼品",
    "小礼物",
    "送点",
    "送东西",
)
# 送 as in giving, not as in delivering (送货, 送到, 配送)
_GIFT_QUESTION = re.compile(
    r"赠品|赠送|礼品|礼物|送(?:什么|啥|点|个|不送|东西|的东西)|有(?:没有)?送(?![货到达])"
    r"|会送(?![货到达])|送吗|送嘛"
)


def asks_about_gift(text: str) -> bool:
    """ "有赠品吗", "买台灯有送什么吗": a question the gift tactic answers, whatever the intent."""
    return _GIFT_QUESTION.search(text) is not None


def propose(ctx: Context) -> list[Draft]:
    asked = asks_about_gift(ctx.understanding.text)
    tiers = ctx.shop.gift_tiers
    if not tiers or (ctx.product is not None and not ctx.product.gift_eligible):
        return [_no_gift(ctx)] if asked else []
    spend = ctx.spend()
    if spend is None:
        return [_tiers(ctx)] if asked else []
    reached = [tier for tier in tiers if tier.min_order_value <= spend]
    if reached:
        return [_offer(ctx, reached[-1], spend)]
    return [_below(ctx, tiers[0], spend)] if asked else []


def _offer(ctx: Context, tier: GiftTier, spend: float) -> Draft:
    facts = {"order_value": spend, "min_order_value": tier.min_order_value}
    facts |= {"gift": tier.gift, "gift_value": tier.value}
    swap = next((swap for swap in tier.swaps if ctx.mentions(swap)), None)
    if swap:
        return _draft(ctx, "gift.swap", facts | {"swap": swap})
    if tier.swaps:
        return _draft(ctx, "gift.offer_swaps", facts | {"swaps": tier.swaps})
    return _draft(ctx, "gift.offer", facts)


def _below(ctx: Context, lowest: GiftTier, spend: float) -> Draft:
    facts = {"order_value": spend, "min_order_value": lowest.min_order_value}
    facts |= {"gift": lowest.gift, "gift_value": lowest.value}
    return _draft(ctx, "gift.below", facts | {"missing": round(lowest.min_order_value - spend, 2)})


def _tiers(ctx: Context) -> Draft:
    tiers = "，".join(
        f"满{_money(tier.min_order_value)}元送{tier.gift}" for tier in ctx.shop.gift_tiers
    )
    facts = {"tiers": tiers, "min_order_values": [t.min_order_value for t in ctx.shop.gift_tiers]}
    return _draft(ctx, "gift.tiers", facts)


def _no_gift(ctx: Context) -> Draft:
    if ctx.shop.gift_tiers and ctx.product is not None:
        return _draft(ctx, "gift.not_eligible", {"product": ctx.product.name, "gift": False})
    return _draft(ctx, "gift.none", {"gift": False})


def _draft(ctx: Context, key: str, facts: dict) -> Draft:
    return ctx.draft("gift", key, facts, needs_approval=False, auto_send_safe=False)


def _money(value: float) -> str:
    return f"{value:g}"
