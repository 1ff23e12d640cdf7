"""Seeds 003: confirm the recipient, phone and address (and the item) before the parcel leaves.
What the buyer already sent (a new phone number, an address) is taken, not asked for again."""

from __future__ import annotations

import re

from bot.tactics.context import MASKED_PHONE, PHONE, Context
from bot.types import Draft

PROVINCES = (
    "北京|上海|天津|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|"
    "湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|台湾"
)
ADDRESS = re.compile(
    rf"省|市|区|县|镇|路|街|号楼|楼|樓|门牌|門牌|小区|栋|单元|室|村|\[地址|{PROVINCES}"
)
# "收件人改成我妈", "收货人是王丽": the recipient, given in the message
RECIPIENT = re.compile(r"(?:收件人|收货人|名字)(?:名字)?(?:改成|换成|改为|是|写)|\[姓名")
# An anonymised phone number ("[电话1]"), or in a message about the address a bare anonymised
# number that is not a house number ("地址改一下 <num> 北京…").
PHONE_PLACEHOLDER = re.compile(r"\[电话[^\]]{0,8}\]|<num>(?!\s*(?:号|栋|楼|单元|室|弄|幢|层))")


# "放快递柜就行", "放门口": where to leave the parcel, not a new address
DELIVERY_NOTE = re.compile(
    r"(?:放|送到?|寄到?|存)(快递柜|丰巢|驿站|菜鸟|门口|门卫|前台|物业|代收点|超市)"
)


def propose(ctx: Context) -> list[Draft]:
    note = DELIVERY_NOTE.search(ctx.understanding.text)
    if note:
        return [_draft(ctx, "address_confirm.delivery_note", {"note": note.group(1)})]
    given = given_details(ctx.understanding.text)
    if given:
        return [_draft(ctx, "address_confirm.given", {"given": given})]
    order_id = ctx.order_id()
    if order_id is None:
        return [_draft(ctx, "address_confirm.ask", {})]
    return [_draft(ctx, "address_confirm.order", {"order_id": order_id})]


def given_details(text: str) -> str:
    """What the message itself holds: "收件人", "地址", "电话" or several ("地址和电话"), empty
    when none."""
    phone = PHONE.search(text) or MASKED_PHONE.search(text) or PHONE_PLACEHOLDER.search(text)
    parts = (
        "收件人" if RECIPIENT.search(text) else "",
        "地址" if ADDRESS.search(text) else "",
        "电话" if phone else "",
    )
    named = [part for part in parts if part]
    return "和".join(filter(None, ("、".join(named[:-1]), *named[-1:])))


def _draft(ctx: Context, key: str, facts: dict) -> Draft:
    return ctx.draft("address_confirm", key, facts, needs_approval=False, auto_send_safe=True)
