"""Seeds 000: third answer to a price gap — the shop's rating, after-sales and guarantees."""

from __future__ import annotations

from bot.tactics.context import Context, returns_text
from bot.types import Draft

CUES = ("售后", "服务", "评分")


def propose(ctx: Context) -> list[Draft]:
    service = ctx.shop.service
    facts = {
        "rating": service.rating,
        "after_sales": service.after_sales,
        "returns": returns_text(ctx.shop),
    }
    gap = _gap(ctx)
    if gap is None:
        return [
            ctx.draft(
                "service_value",
                "service_value.plain",
                facts,
                needs_approval=False,
                auto_send_safe=True,
            )
        ]
    facts |= {"price": ctx.product.price, "competitor_price": ctx.number("competitor_price")}
    return [
        ctx.draft(
            "service_value",
            "service_value.gap",
            facts | {"gap": gap},
            needs_approval=False,
            auto_send_safe=True,
        )
    ]


def _gap(ctx: Context) -> float | None:
    competitor = ctx.number("competitor_price")
    if ctx.product is None or competitor is None or competitor >= ctx.product.price:
        return None
    return round(ctx.product.price - competitor, 2)
