"""Seeds 002: when the chosen item is sold out, say when it comes back before offering another
style — the buyer's first choice is the one least likely to be returned."""

from __future__ import annotations

from bot.tactics.context import Context, item_label, requested_skus
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    skus = requested_skus(ctx)
    if ctx.product is None or not skus or any(sku.stock > 0 for sku in skus):
        return []
    dates = sorted(sku.restock_date for sku in skus if sku.restock_date)
    facts = {"item": item_label(ctx), "stock": 0}
    if not dates:
        return [
            ctx.draft(
                "restock", "restock.undated", facts, needs_approval=False, auto_send_safe=True
            )
        ]
    return [
        ctx.draft(
            "restock",
            "restock.dated",
            facts | {"restock_date": dates[0]},
            needs_approval=False,
            auto_send_safe=True,
        )
    ]
