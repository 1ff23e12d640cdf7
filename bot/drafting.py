"""From an understood message to up to three grounded reply drafts, best first."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.catalogue import with_catalogue
from bot.shop.model import Product, Shop
from bot.tactics import CUES, TACTICS, Context, clarify, handoff
from bot.types import Draft, Understanding

MAX_DRAFTS = 3

# Seeds' order per intent: 000 for price (promotion → coupon → service → supervisor) and for the
# hesitant buyer (promotion, shipping, gift, stock), 001 for refunds (reason first, then remedies).
PLANS: dict[str, tuple[str, ...]] = {
    "price_objection": ("promotion", "coupon", "service_value", "gift", "price_match"),
    "compare_shops": ("service_value", "promotion", "coupon", "price_match"),
    "shipping_time": ("shipping_cutoff", "delivery_estimate"),
    "size_worry": ("size_advice",),
    "refund_intent": ("refund_reason", "refund_remedy", "return_policy"),
    "greet": ("greeting",),
    "thanks": ("thanks",),
    "ask_product_info": ("product_info",),
    "hesitation": ("promotion", "shipping_cutoff", "gift", "stock_scarcity", "hesitation"),
    "stock_availability": ("restock", "alternative", "stock_scarcity", "stock_check"),
    "quality_worry": ("quality_assurance", "service_value"),
    "payment_issue": ("payment_help",),
    "invoice_request": ("invoice",),
    "address_change": ("address_confirm",),
    "logistics_tracking": ("logistics",),
    "refund_progress": ("refund_status",),
    "defect_complaint": ("defect_help", "return_policy"),
    "request_human": ("handoff",),
    "out_of_scope": ("clarify",),
}

# A tactic that is what the intent asks for is never held back as "already offered".
ANSWERS = {"shipping_time": {"shipping_cutoff"}, "stock_availability": {"stock_scarcity"}}

PRICE_INTENTS = ("price_objection", "compare_shops")
PRODUCT_INTENTS = ("stock_availability", "size_worry")


def draft_replies(
    understanding: Understanding,
    shop: Shop,
    now: datetime,
    offered_tactics: Iterable[str] = (),
    order_value: float | None = None,
    seed: str = "",
    product: str | None = None,
) -> list[Draft]:
    """`now` must be timezone-aware; `product` names the item in question when the message does
    not (e.g. the product card the buyer came from)."""
    ctx = build_context(understanding, shop, now, order_value, seed, product)
    if understanding.fallback:
        return [*clarify.propose(ctx), *handoff.propose(ctx)]
    offered = set(offered_tactics)
    drafts: list[Draft] = []
    for tactic in PLANS.get(ctx.intent, ("clarify",)):
        if tactic in offered and not _asked_again(tactic, ctx):
            continue
        drafts.extend(TACTICS[tactic](ctx))
        if len(drafts) >= MAX_DRAFTS:
            return drafts[:MAX_DRAFTS]
    return drafts or _nothing_holds(ctx)


def build_context(
    understanding: Understanding,
    shop: Shop,
    now: datetime,
    order_value: float | None,
    seed: str,
    product: str | None,
) -> Context:
    if now.tzinfo is None:
        raise ValueError("draft_replies needs a timezone-aware `now`")
    # the catalogue is the requesting shop's, matched now: the NLU model holds none
    understanding = with_catalogue(understanding, shop)
    return Context(
        understanding=understanding,
        shop=shop,
        now=now.astimezone(ZoneInfo(shop.hours.timezone)),
        seed=seed,
        order_value=order_value,
        product=_product(understanding, shop, product),
    )


def _product(understanding: Understanding, shop: Shop, product: str | None) -> Product | None:
    for name in (*map(str, understanding.entity_values("product")), product):
        found = shop.product(name) if name else None
        if found is not None:
            return found
    return None


def _asked_again(tactic: str, ctx: Context) -> bool:
    if tactic not in CUES:
        return True
    return tactic in ANSWERS.get(ctx.intent, ()) or ctx.mentions(*CUES[tactic])


def _nothing_holds(ctx: Context) -> list[Draft]:
    if ctx.intent in PRICE_INTENTS:
        return handoff.escalate(ctx)
    if ctx.intent in PRODUCT_INTENTS and ctx.product is None:
        return TACTICS["product_info"](ctx)
    return clarify.propose(ctx)
