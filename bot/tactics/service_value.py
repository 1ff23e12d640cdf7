"""Seeds 000: third answer to a price gap — the shop's strengths only: a high rating, returns
without reason (and return shipping, when the shop pays it), its after-sales promise. A policy that
costs the buyer (return shipping at their charge) is answered when asked, never pitched."""

from __future__ import annotations

from bot.shop.model import Shop
from bot.tactics.context import Context, current_price
from bot.types import Draft

CUES = ("售后", "服务", "评分")
# a rating worth citing: below it the draft says nothing about the rating
GOOD_RATING = 4.5


def propose(ctx: Context) -> list[Draft]:
    facts = {"strengths": "，".join(strengths(ctx.shop))} | _strength_facts(ctx.shop)
    gap = _gap(ctx)
    if gap is None:
        return [_draft(ctx, "service_value.plain", facts)]
    facts |= {"price": current_price(ctx), "competitor_price": ctx.number("competitor_price")}
    return [_draft(ctx, "service_value.gap", facts | {"gap": gap})]


def strengths(shop: Shop) -> list[str]:
    service = shop.service
    found = []
    if service.rating >= GOOD_RATING:
        found.append(f"店铺评分{service.rating:g}")
    if service.no_reason_return_days > 0:
        returns = f"支持{service.no_reason_return_days}天无理由退换"
        found.append(returns + ("、退货运费我们承担" if service.free_return_shipping else ""))
    found.append(service.after_sales)
    return found


def _strength_facts(shop: Shop) -> dict:
    service = shop.service
    facts = {
        "after_sales": service.after_sales,
        "no_reason_return_days": service.no_reason_return_days,
    }
    if service.rating >= GOOD_RATING:
        facts["rating"] = service.rating
    if service.free_return_shipping:
        facts["free_return_shipping"] = True
    return facts


def _gap(ctx: Context) -> float | None:
    competitor = ctx.number("competitor_price")
    if ctx.product is None or competitor is None or competitor >= current_price(ctx):
        return None
    return round(current_price(ctx) - competitor, 2)


def _draft(ctx: Context, key: str, facts: dict) -> Draft:
    return ctx.draft("service_value", key, facts, needs_approval=False, auto_send_safe=True)
