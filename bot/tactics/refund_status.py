"""Where a refund is and when the money arrives, from the shop's refund timing. A return whose
pickup never came, or a cancelled order the warehouse still sent, is a job for the agent (book the
pickup, stop the parcel), not a refund timetable."""

from __future__ import annotations

import re

from bot.tactics.context import Context
from bot.types import Draft

PICKUP = re.compile(r"取件|上门取|快递员?(?:一直)?没来|没人来取|没来取|没人取")
REJECTED = re.compile(r"驳回|被拒|拒绝了?我?的?退款|不给退|不让退")
SHIPPED_AFTER_CANCEL = re.compile(r"(?:撤单|取消|退款|退了).{0,8}(?:出库|发货|发出|发了|寄出)")


def propose(ctx: Context) -> list[Draft]:
    facts = {"refund_days": ctx.shop.service.refund_days}
    order_id = ctx.order_id()
    text = ctx.understanding.text
    if SHIPPED_AFTER_CANCEL.search(text):
        return [_draft(ctx, "refund_status.intercept", facts, order_id)]
    if REJECTED.search(text):
        return [_draft(ctx, "refund_status.rejected", facts, order_id)]
    if PICKUP.search(text):
        return [_draft(ctx, "refund_status.pickup", facts, order_id)]
    if order_id is None:
        return [_draft(ctx, "refund_status.ask_order", facts, None)]
    return [_draft(ctx, "refund_status.check", facts, order_id)]


# the timetable is a shop fact; stopping a parcel or booking a pickup needs an agent who does it
FACTS_ONLY = ("refund_status.ask_order", "refund_status.check")


def _draft(ctx: Context, key: str, facts: dict, order_id: str | None) -> Draft:
    if order_id is not None:
        facts = facts | {"order_id": order_id}
    safe = key in FACTS_ONLY
    return ctx.draft("refund_status", key, facts, needs_approval=False, auto_send_safe=safe)
