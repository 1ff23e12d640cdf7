"""A plain "yes, in stock" for a stock question when stock is not low (no scarcity claim)."""

from __future__ import annotations

from bot.tactics.context import Context, item_label, requested_skus
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    stock = sum(sku.stock for sku in requested_skus(ctx))
    if ctx.product is None or stock <= ctx.shop.low_stock_threshold:
        return []
    facts = {"item": item_label(ctx), "stock": stock}
    return [
        ctx.draft(
            "stock_check", "stock_check.in_stock", facts, needs_approval=False, auto_send_safe=True
        )
    ]
