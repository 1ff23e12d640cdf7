"""One module per tactic; each `propose(ctx)` returns drafts only when its facts hold."""

from __future__ import annotations

from collections.abc import Callable

from bot.tactics import (
    address_confirm,
    alternative,
    clarify,
    coupon,
    defect_help,
    delivery_estimate,
    gift,
    greeting,
    handoff,
    hesitation,
    invoice,
    logistics,
    payment_help,
    price_match,
    product_info,
    promotion,
    quality_assurance,
    refund_reason,
    refund_remedy,
    refund_status,
    restock,
    return_policy,
    service_value,
    shipping_cutoff,
    size_advice,
    stock_check,
    stock_scarcity,
    thanks,
)
from bot.tactics.context import Context
from bot.types import Draft

Tactic = Callable[[Context], list[Draft]]

MODULES = (
    address_confirm,
    alternative,
    clarify,
    coupon,
    defect_help,
    delivery_estimate,
    gift,
    greeting,
    handoff,
    hesitation,
    invoice,
    logistics,
    payment_help,
    price_match,
    product_info,
    promotion,
    quality_assurance,
    refund_reason,
    refund_remedy,
    refund_status,
    restock,
    return_policy,
    service_value,
    shipping_cutoff,
    size_advice,
    stock_check,
    stock_scarcity,
    thanks,
)

TACTICS: dict[str, Tactic] = {
    module.__name__.rsplit(".", 1)[1]: module.propose for module in MODULES
}

# Sales tactics are offered once per conversation; asking for them by name brings them back.
CUES: dict[str, tuple[str, ...]] = {
    module.__name__.rsplit(".", 1)[1]: module.CUES for module in MODULES if hasattr(module, "CUES")
}

__all__ = ["CUES", "TACTICS", "Context", "Tactic"]
