"""An offer the buyer cannot use or heard of elsewhere: a coupon that "用不了" gets the usual
causes and a look at it, an offer a live-stream host or another agent promised ("主播说拍下返二十")
is checked before anything is confirmed. Neither is answered with a new offer."""

from __future__ import annotations

import re

from bot.tactics.context import Context
from bot.types import Draft

# "优惠卷用不了", "领的券用不上", "券怎么不能用" (卷 is the common typo for 券)
COUPON_FAILS = re.compile(
    r"[券卷].{0,6}(?:用不了|用不上|不能用|没法用|无法使用|用不到|抵扣不了|没抵扣|付不了)"
)
CLAIM_WORDS = ("主播", "直播间", "直播说", "客服说", "之前说", "答应")


def coupon_fails(ctx: Context) -> bool:
    return COUPON_FAILS.search(ctx.understanding.text) is not None


def claims_offer(ctx: Context) -> bool:
    return ctx.mentions(*CLAIM_WORDS)


def propose(ctx: Context) -> list[Draft]:
    if coupon_fails(ctx):
        return [
            ctx.draft(
                "offer_check",
                "offer_check.coupon",
                {"coupon_problem": True},
                needs_approval=False,
            )
        ]
    if claims_offer(ctx):
        # what someone else promised is not confirmed by a draft: an agent checks first
        return [ctx.draft("offer_check", "offer_check.claim", {"claimed_offer": True})]
    return []
