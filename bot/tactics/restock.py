"""Seeds 002: when the chosen item is sold out, say when it comes back before offering another
style — the buyer's first choice is the one least likely to be returned. A restock date already
past is not stated (the shop has no new date yet) and such a draft waits for an agent."""

from __future__ import annotations

from datetime import date

from bot.shop.model import Sku
from bot.tactics.context import Context, item_label, requested_skus
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    skus = requested_skus(ctx)
    if ctx.product is None or not skus or any(sku.stock > 0 for sku in skus):
        return []
    facts = {"item": item_label(ctx), "stock": 0}
    upcoming, passed = restock_dates(skus, ctx.now.date())
    if upcoming:
        facts |= {"restock_date": upcoming[0]}
        return [_draft(ctx, "restock.dated", facts, auto_send_safe=True)]
    if passed:
        facts |= {"restock_date_passed": passed[-1]}
    return [_draft(ctx, "restock.undated", facts, auto_send_safe=not passed)]


def restock_dates(skus: tuple[Sku, ...] | list[Sku], today: date) -> tuple[list, list]:
    """The SKUs' restock dates from today on, and those already past (both sorted)."""
    dates = sorted(sku.restock_date for sku in skus if sku.restock_date)
    return [day for day in dates if day >= today], [day for day in dates if day < today]


def _draft(ctx: Context, key: str, facts: dict, *, auto_send_safe: bool) -> Draft:
    return ctx.draft("restock", key, facts, needs_approval=False, auto_send_safe=auto_send_safe)
