"""Seeds 000: "only N left" only when stock really is at or under the shop's threshold, or when a
running flash sale has a real quantity limit."""

from __future__ import annotations

from bot.tactics.context import Context, item_label, requested_skus
from bot.types import Draft

CUES = ("库存", "还剩", "还有多少", "几件")


def propose(ctx: Context) -> list[Draft]:
    stock = sum(sku.stock for sku in requested_skus(ctx))
    if ctx.product and 0 < stock <= ctx.shop.low_stock_threshold:
        facts = {"item": item_label(ctx), "stock": stock}
        facts |= {"threshold": ctx.shop.low_stock_threshold}
        return [
            ctx.draft(
                "stock_scarcity",
                "stock_scarcity.low",
                facts,
                needs_approval=False,
                auto_send_safe=True,
            )
        ]
    return _flash_sale(ctx)


def _flash_sale(ctx: Context) -> list[Draft]:
    """A flash sale of the product in question, or of the whole shop: never another product's
    ("这个黑色的还有吗" with no product known is not answered with the lamp's flash sale)."""
    product_id = ctx.product.id if ctx.product else None
    for promotion in ctx.shop.running_promotions(ctx.now):
        if promotion.limit and promotion.product in (None, product_id):
            facts = {"promotion_id": promotion.id, "title": promotion.title}
            facts |= {"limit": promotion.limit, "ends_at": promotion.ends_at}
            if promotion.remaining is None:
                return [
                    ctx.draft(
                        "stock_scarcity",
                        "stock_scarcity.flash",
                        facts,
                        needs_approval=False,
                        auto_send_safe=True,
                    )
                ]
            facts |= {"remaining": promotion.remaining}
            return [
                ctx.draft(
                    "stock_scarcity",
                    "stock_scarcity.flash_remaining",
                    facts,
                    needs_approval=False,
                    auto_send_safe=True,
                )
            ]
    return []
