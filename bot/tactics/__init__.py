"""One module per tactic; each `propose(ctx)` returns drafts only when its facts hold."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from bot.stage import (
    AFTER_SALE,
    ORDERED_UNPAID,
    PAID_NOT_SHIPPED,
    PAID_STAGES,
    PRE_SALE,
    RECEIVED,
    SHIPPED,
    STAGES,
)
from bot.tactics.context import Context
from bot.types import Draft

Tactic = Callable[[Context], list[Draft]]

# The tactics the drafting plans may name; each is the module bot/tactics/<name>.py.
NAMES = (
    "address_confirm",
    "alternative",
    "clarify",
    "coupon",
    "defect_help",
    "delivery_estimate",
    "gift",
    "greeting",
    "handoff",
    "hesitation",
    "invoice",
    "logistics",
    "offer_check",
    "order_check",
    "order_shipping",
    "payment_help",
    "price_match",
    "price_protection",
    "product_info",
    "promotion",
    "quality_assurance",
    "refund_reason",
    "refund_remedy",
    "refund_status",
    "restock",
    "return_policy",
    "service_value",
    "shipping_cutoff",
    "size_advice",
    "stock_check",
    "stock_scarcity",
    "thanks",
    "usage_help",
)
MODULES = {name: import_module(f"{__name__}.{name}") for name in NAMES}

TACTICS: dict[str, Tactic] = {name: module.propose for name, module in MODULES.items()}

# Sales tactics are offered once per conversation; asking for them by name brings them back.
CUES: dict[str, tuple[str, ...]] = {
    name: module.CUES for name, module in MODULES.items() if hasattr(module, "CUES")
}

# The buyer stages each tactic may speak in (bot.stage). Sales pushes for this order (promotion,
# coupon, cutoff "现在拍", scarcity, price match, stock and size selling) stop at payment: to a paid
# buyer they invite a second order. Coupon ("领了再拍"), cutoff ("现在拍下") and scarcity ("先拍下")
# stop at the order: a buyer who ordered and has not paid pays that order, a new coupon would
# need a second one (their "when does it ship" gets order_shipping, about paying their order).
# Order look-ups need an order; promise-like answers about a parcel or a refund need the stage
# they are about (drafting also wants a confident intent).
ONLY_PRE_SALE = frozenset({PRE_SALE})
BEFORE_PAYMENT = ONLY_PRE_SALE | {ORDERED_UNPAID}
BEFORE_SHIPPING = BEFORE_PAYMENT | {PAID_NOT_SHIPPED}
ANY_STAGE = frozenset(STAGES)
WITH_ORDER = ANY_STAGE - {PRE_SALE}
STAGES_BY_TACTIC: dict[str, frozenset[str]] = {
    "promotion": BEFORE_PAYMENT,
    "coupon": ONLY_PRE_SALE,
    "shipping_cutoff": ONLY_PRE_SALE,
    "stock_scarcity": ONLY_PRE_SALE,
    "price_match": BEFORE_PAYMENT,
    "service_value": BEFORE_PAYMENT,
    "stock_check": BEFORE_PAYMENT,
    "restock": BEFORE_PAYMENT,
    "alternative": BEFORE_PAYMENT,
    "payment_help": BEFORE_PAYMENT,
    "hesitation": BEFORE_PAYMENT,
    "gift": BEFORE_SHIPPING,
    "size_advice": BEFORE_SHIPPING,
    "delivery_estimate": BEFORE_SHIPPING,
    "order_shipping": frozenset({ORDERED_UNPAID, PAID_NOT_SHIPPED}),
    "price_protection": PAID_STAGES,
    "address_confirm": BEFORE_SHIPPING | {SHIPPED},
    "logistics": frozenset({SHIPPED, RECEIVED}),
    "refund_status": frozenset({AFTER_SALE}),
    "refund_reason": WITH_ORDER - {AFTER_SALE},
    "refund_remedy": WITH_ORDER,
    "order_check": ANY_STAGE,
    "offer_check": ANY_STAGE,
    "defect_help": ANY_STAGE,
    "return_policy": ANY_STAGE,
    "quality_assurance": ANY_STAGE,
    "product_info": ANY_STAGE,
    "usage_help": ANY_STAGE,
    "invoice": ANY_STAGE,
    "greeting": ANY_STAGE,
    "thanks": ANY_STAGE,
    "handoff": ANY_STAGE,
    "clarify": ANY_STAGE,
}

__all__ = ["CUES", "STAGES_BY_TACTIC", "TACTICS", "Context", "Tactic"]
