"""Seeds 002: only after saying when a sold-out item comes back, offer what is in stock instead.
The size the buyer named is kept (a different size is a fit question, not a stock answer); only
the colour changes."""

from __future__ import annotations

from bot.shop.model import Sku
from bot.tactics.context import Context, item_label, requested_skus
from bot.types import Draft

MAX_ALTERNATIVES = 3


def propose(ctx: Context) -> list[Draft]:
    requested = requested_skus(ctx)
    if not requested or any(sku.stock > 0 for sku in requested):
        return []
    in_stock = _same_size_in_stock(ctx, requested)
    if not in_stock:
        return []
    facts = {
        "item": item_label(ctx),
        "alternatives": "、".join(sku.label for sku in in_stock),
        "sku_ids": [sku.id for sku in in_stock],
        "stock": [sku.stock for sku in in_stock],
    }
    return [
        ctx.draft(
            "alternative", "alternative.same_size", facts, needs_approval=False, auto_send_safe=True
        )
    ]


def _same_size_in_stock(ctx: Context, requested: tuple[Sku, ...]) -> list[Sku]:
    size = ctx.text_value("size")
    others = (sku for sku in ctx.product.skus if sku not in requested and sku.stock > 0)
    matching = [sku for sku in others if size is None or sku.size == size]
    return sorted(matching, key=lambda sku: -sku.stock)[:MAX_ALTERNATIVES]
