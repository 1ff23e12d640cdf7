"""Seeds 000: second answer to a price objection — a coupon the agent may grant, this or next order
(one that helps close this order first). Above the agent's authority the draft only asks a
supervisor; it never promises the coupon. "这单就能用" is said only when the order value is known
and reaches the coupon's threshold; otherwise the draft names the threshold (a coupon without one:
无门槛)."""

from __future__ import annotations

from bot.shop.model import Coupon
from bot.tactics.context import Context
from bot.types import Draft

CUES = ("券",)


def propose(ctx: Context) -> list[Draft]:
    usable = _usable(ctx)
    within = [coupon for coupon in usable if coupon.value <= ctx.shop.authority.coupon_max]
    if within:
        best = max(within, key=lambda coupon: (coupon.usable == "this_order", coupon.value))
        safe = best.value <= ctx.shop.unattended.coupon_max
        return [
            ctx.draft(
                "coupon",
                _key(ctx, best),
                _facts(ctx, best),
                needs_approval=False,
                auto_send_safe=safe,
            )
        ]
    if usable:
        smallest = min(usable, key=lambda coupon: coupon.value)
        return [
            ctx.draft(
                "coupon",
                "coupon.approval",
                _facts(ctx, smallest),
                needs_approval=True,
                auto_send_safe=False,
            )
        ]
    return []


def _usable(ctx: Context) -> list[Coupon]:
    spend = ctx.spend()
    return [
        coupon
        for coupon in ctx.shop.coupons
        if coupon.valid(ctx.now)
        and (not coupon.products or (ctx.product and ctx.product.id in coupon.products))
        and (coupon.usable == "next_order" or spend is None or coupon.min_spend <= spend)
    ]


def _key(ctx: Context, coupon: Coupon) -> str:
    if coupon.min_spend == 0:
        return f"coupon.{coupon.usable}_no_threshold"
    if coupon.usable == "this_order" and ctx.order_value is None:
        return "coupon.this_order_threshold"
    return f"coupon.{coupon.usable}"


def _facts(ctx: Context, coupon: Coupon) -> dict:
    facts = {
        "coupon_id": coupon.id,
        "value": coupon.value,
        "min_spend": coupon.min_spend,
        "usable": coupon.usable,
        "authority_max": ctx.shop.authority.coupon_max,
    }
    return facts | ({"order_value": ctx.spend()} if ctx.spend() is not None else {})
