"""Seeds 003: confirm the recipient, phone and address (and the item) before the parcel leaves."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    order_id = ctx.text_value("order_id")
    if order_id is None:
        return [ctx.draft("address_confirm", "address_confirm.ask", {})]
    return [ctx.draft("address_confirm", "address_confirm.order", {"order_id": order_id})]
