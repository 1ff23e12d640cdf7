"""Seeds 001: once the reason is known, offer the remedy that saves the order: an exchange for a
wrong size, a replacement or a small compensation (within authority) for a fault, usage help."""

from __future__ import annotations

from bot.tactics.context import Context, returns_text
from bot.tactics.defect_help import NOT_VISIBLE_WORDS, photo_sent
from bot.tactics.refund_reason import stated_reason, wanted_size
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    reason = stated_reason(ctx)
    if reason in ("size", "mistake") and ctx.shop.service.no_reason_return_days == 0:
        return [_no_returns(ctx, reason)]
    if reason == "size":
        facts = {"returns": returns_text(ctx.shop)}
        size = wanted_size(ctx)
        if size is not None:
            # the buyer named the size they want: confirm it, never ask which one
            return [_exchange_to(ctx, size, facts)]
        return [ctx.draft("refund_remedy", "refund_remedy.exchange", facts, needs_approval=False)]
    if reason == "defect":
        return [_defect_remedy(ctx)]
    if reason == "mistake":
        facts = {"returns": returns_text(ctx.shop)}
        return [ctx.draft("refund_remedy", "refund_remedy.mistake", facts, needs_approval=False)]
    if reason == "usage":
        return [
            ctx.draft(
                "refund_remedy",
                "refund_remedy.usage",
                {},
                needs_approval=False,
                auto_send_safe=True,
            )
        ]
    return []


def _no_returns(ctx: Context, reason: str) -> Draft:
    """A shop without no-reason returns promises no swap for a size or an item bought by
    mistake: cancelling before shipment, and an agent asks after-sales about anything more."""
    key = (
        "refund_remedy.exchange_no_returns"
        if reason == "size"
        else "refund_remedy.mistake_no_returns"
    )
    return ctx.draft(
        "refund_remedy", key, {"returns": returns_text(ctx.shop)}, needs_approval=False
    )


def _defect_remedy(ctx: Context) -> Draft:
    """A replacement, or a small compensation to keep an item that still works; a fault that
    stops it working ("没声音", "充不进电") gets no "keep it" offer and asks for a video."""
    if not photo_sent(ctx) and ctx.mentions(*NOT_VISIBLE_WORDS):
        return ctx.draft("refund_remedy", "refund_remedy.replace", {}, needs_approval=False)
    seen = "_seen" if photo_sent(ctx) else ""
    compensation = ctx.shop.authority.compensation_max
    if compensation <= 0:
        # an agent with no compensation authority offers the replacement only, never "补偿您0元"
        return ctx.draft(
            "refund_remedy", f"refund_remedy.replace_photo{seen}", {}, needs_approval=False
        )
    facts = {"compensation_max": compensation}
    return ctx.draft(
        "refund_remedy", f"refund_remedy.compensate{seen}", facts, needs_approval=False
    )


def _exchange_to(ctx: Context, size: str, facts: dict) -> Draft:
    """An exchange to the size named, unless the product in question does not come in it or has
    none left: then the agent offers a return or to wait for the restock, no promised swap."""
    facts |= {"size": size}
    if ctx.product is None and not _shop_sells_size(ctx, size):
        # "换个37的" in a shop whose sized products have no 37: the size is read back and
        # checked against the buyer's order, not promised
        key = "refund_remedy.exchange_size_check"
        return ctx.draft("refund_remedy", key, facts, needs_approval=False)
    skus = [sku for sku in ctx.product.skus if sku.size == size] if ctx.product else None
    if skus is None or (not skus and not any(sku.size for sku in ctx.product.skus)):
        key = "refund_remedy.exchange_size"
    elif not skus:
        key, facts = "refund_remedy.exchange_size_unknown", facts | {"product": ctx.product.name}
    elif sum(sku.stock for sku in skus) == 0:
        key, facts = "refund_remedy.exchange_size_sold_out", facts | {"product": ctx.product.name}
    else:
        key = "refund_remedy.exchange_size"
    return ctx.draft("refund_remedy", key, facts, needs_approval=False)


def _shop_sells_size(ctx: Context, size: str) -> bool:
    sizes = {sku.size for product in ctx.shop.products for sku in product.skus if sku.size}
    return not sizes or size in sizes
