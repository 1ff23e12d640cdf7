"""Seeds 003: a hesitant buyer gets patience, not pressure, once the incentives are used up. A
buyer waiting for a sale ("等双十一再买") hears of the shop's price protection when it has one:
buying now costs nothing if the price drops."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft

SALE_WAIT_WORDS = (
    "双十一",
    "双11",
    "双十二",
    "双12",
    "618",
    "大促",
    "活动",
    "降价",
    "便宜点再",
    "优惠",
)


# "等发工资再说": money is the reason; instalments answer it when the shop offers them
MONEY_WORDS = ("发工资", "等工资", "没钱", "手头紧", "钱不够", "月底", "下个月")


def waits_for_sale(ctx: Context) -> bool:
    return ctx.mentions(*SALE_WAIT_WORDS)


def waits_for_money(ctx: Context) -> bool:
    return ctx.mentions(*MONEY_WORDS)


def propose(ctx: Context) -> list[Draft]:
    days = ctx.shop.service.price_protection_days
    if waits_for_sale(ctx) and days > 0:
        return [
            ctx.draft(
                "hesitation",
                "hesitation.price_protection",
                {"days": days},
                needs_approval=False,
                auto_send_safe=True,
            )
        ]
    instalments = ctx.shop.payment.instalments
    if waits_for_money(ctx) and instalments:
        return [
            ctx.draft(
                "hesitation",
                "hesitation.instalments",
                {"instalments": instalments},
                needs_approval=False,
                auto_send_safe=True,
            )
        ]
    return [
        ctx.draft(
            "hesitation", "hesitation.no_pressure", {}, needs_approval=False, auto_send_safe=True
        )
    ]
