"""One module per tactic; each `propose(ctx)` returns drafts only when its facts hold."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

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
    "payment_help",
    "price_match",
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
)
MODULES = {name: import_module(f"{__name__}.{name}") for name in NAMES}

TACTICS: dict[str, Tactic] = {name: module.propose for name, module in MODULES.items()}

# Sales tactics are offered once per conversation; asking for them by name brings them back.
CUES: dict[str, tuple[str, ...]] = {
    name: module.CUES for name, module in MODULES.items() if hasattr(module, "CUES")
}

__all__ = ["CUES", "TACTICS", "Context", "Tactic"]
