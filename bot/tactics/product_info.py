"""Describe the product the buyer asks about from the catalogue, or ask which one."""

from __future__ import annotations

from bot.tactics.context import Context, current_price
from bot.types import Draft

WARRANTY_WORDS = ("保修", "质保", "保多久")


def propose(ctx: Context) -> list[Draft]:
    if ctx.mentions("自营"):
        return [_who_ships(ctx)]
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


def _who_ships(ctx: Context) -> Draft:
    """ "是京东自营吗": the shop's own fulfilment says it, whichever product is meant."""
    shipping = ctx.shop.shipping
    key = f"product_info.{shipping.fulfilment}"
    facts = {"shop": ctx.shop.name, "fulfilment": shipping.fulfilment}
    facts |= {"carriers": shipping.carriers, "days": shipping.default_delivery_days}
    return ctx.draft("product_info", key, facts, needs_approval=False, auto_send_safe=True)
