"""Seeds 003: confirm the recipient, phone and address (and the item) before the parcel leaves.
What the buyer already sent (a new phone number, an address) is taken, not asked for again."""

from __future__ import annotations

import re

from bot.tactics.context import PHONE, Context
from bot.types import Draft

ADDRESS = re.compile(r"省|市|区|县|镇|路|街|号楼|小区|栋|单元|室|村|\[地址")


def propose(ctx: Context) -> list[Draft]:
    given = given_details(ctx.understanding.text)
    if given:
        return [_draft(ctx, "address_confirm.given", {"given": given})]
    order_id = ctx.order_id()
    if order_id is None:
        return [_draft(ctx, "address_confirm.ask", {})]
    return [_draft(ctx, "address_confirm.order", {"order_id": order_id})]


def given_details(text: str) -> str:
    """What the message itself holds: "电话", "地址" or "地址和电话" (empty when neither)."""
    parts = ("地址" if ADDRESS.search(text) else "", "电话" if PHONE.search(text) else "")
    return "和".join(part for part in parts if part)


def _draft(ctx: Context, key: str, facts: dict) -> Draft:
    return ctx.draft("address_confirm", key, facts, needs_approval=False, auto_send_safe=True)
