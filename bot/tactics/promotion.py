"""Seeds 000: first answer to a price objection — what it cost, what it costs now, until when.
Figures a promotion's title already states ("满500减50") are not said a second time."""

from __future__ import annotations

from bot.shop.model import Promotion
from bot.tactics.context import Context
from bot.templates import display
from bot.types import Draft

CUES = ("活动", "促销", "打折")


def propose(ctx: Context) -> list[Draft]:
    promotion = _best(ctx)
    if promotion is None:
        return []
    if promotion.price is not None:
        return [_price_draft(ctx, promotion)]
    facts = {
        "promotion_id": promotion.id,
        "title": promotion.title,
        "min_spend": promotion.min_spend,
        "discount": promotion.discount,
        "ends_at": promotion.ends_at,
    }
    key = (
        "promotion.spend_titled"
        if _title_states(promotion, promotion.discount)
        else "promotion.spend"
    )
    return [ctx.draft("promotion", key, facts, needs_approval=False, auto_send_safe=True)]


def _title_states(promotion: Promotion, amount: float) -> bool:
    """A title like "满500减50" or "特价79元" already says the figures; they are not repeated."""
    return display(amount) in promotion.title


def _best(ctx: Context) -> Promotion | None:
    """A price cut on the product in question beats a shop-wide spend discount."""
    running = ctx.shop.running_promotions(ctx.now)
    for promotion in running:
        if ctx.product and promotion.product == ctx.product.id and _cuts_price(ctx, promotion):
            return promotion
    return next((promotion for promotion in running if promotion.price is None), None)


def _cuts_price(ctx: Context, promotion: Promotion) -> bool:
    return promotion.price is not None and promotion.price < _was(ctx)


def _was(ctx: Context) -> float:
    return ctx.product.original_price or ctx.product.price


def _price_draft(ctx: Context, promotion: Promotion) -> Draft:
    facts = {
        "promotion_id": promotion.id,
        "title": promotion.title,
        "product": ctx.product.name,
        "was": _was(ctx),
        "now": promotion.price,
        "ends_at": promotion.ends_at,
    }
    key = (
        "promotion.price_titled" if _title_states(promotion, promotion.price) else "promotion.price"
    )
    return ctx.draft("promotion", key, facts, needs_approval=False, auto_send_safe=True)
