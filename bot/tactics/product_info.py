"""Describe the product the buyer asks about from the catalogue, or ask which one."""

from __future__ import annotations

from bot.tactics.context import Context, current_price
from bot.types import Draft

WARRANTY_WORDS = ("保修", "质保", "保多久")


def propose(ctx: Context) -> list[Draft]:
    if ctx.product is None:
        return [
            ctx.draft(
                "product_info", "product_info.ask", {}, needs_approval=False, auto_send_safe=True
            )
        ]
    facts = {"product": ctx.product.name, "description": ctx.product.description}
    if ctx.mentions(*WARRANTY_WORDS):
        warranty = ctx.product.warranty or ctx.shop.service.warranty
        return [
            ctx.draft(
                "product_info",
                "product_info.warranty",
                facts | {"warranty": warranty},
                needs_approval=False,
                auto_send_safe=True,
            )
        ]
    facts |= {"price": current_price(ctx)}
    return [
        ctx.draft(
            "product_info",
            "product_info.describe",
            facts,
            needs_approval=False,
            auto_send_safe=True,
        )
    ]
