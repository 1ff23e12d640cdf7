"""Seeds 000: ask what went wrong with the payment, then answer per cause — card limit (another
method, or cash on delivery if the shop has it), company transfer (~24 h), 白条/花呗 limit."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft

CAUSES = (
    ("company_transfer", ("对公", "公司转账", "公司付", "公户")),
    ("credit_limit", ("白条", "花呗")),
    ("card_limit", ("限额", "额度", "超限")),
    ("cash_on_delivery", ("货到付款", "到付")),
    ("instalments", ("分期",)),
)


def propose(ctx: Context) -> list[Draft]:
    payment = ctx.shop.payment
    facts = {"methods": payment.methods, "cash_on_delivery": payment.cash_on_delivery}
    cause = next((cause for cause, words in CAUSES if ctx.mentions(*words)), None)
    if cause == "company_transfer":
        facts |= {"company_transfer_hours": payment.company_transfer_hours}
    elif cause == "credit_limit":
        facts |= {"credit": "白条" if ctx.mentions("白条") else "花呗"}
    elif cause == "instalments":
        facts |= {"instalments": payment.instalments}
    return [
        ctx.draft(
            "payment_help", _key(cause, ctx), facts, needs_approval=False, auto_send_safe=True
        )
    ]


def _key(cause: str | None, ctx: Context) -> str:
    payment = ctx.shop.payment
    if cause is None:
        return "payment_help.ask"
    if cause in ("card_limit", "credit_limit", "cash_on_delivery"):
        return f"payment_help.{cause}_{'cod' if payment.cash_on_delivery else 'no_cod'}"
    if cause == "instalments" and not payment.instalments:
        return "payment_help.no_instalments"
    return f"payment_help.{cause}"
