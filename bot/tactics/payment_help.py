"""Seeds 000: ask what went wrong with the payment, then answer per cause — card limit (another
method, or cash on delivery if the shop has it), company transfer (~24 h), 白条/花呗 limit. A
question whether a method or an instalment plan is accepted gets a yes, or a no with what is."""

from __future__ import annotations

from bot.shop.model import Payment
from bot.tactics.context import Context
from bot.types import Draft

CREDIT = ("白条", "花呗")
LIMIT_WORDS = ("限额", "额度", "超限", "超额", "不够", "不足")
METHODS = ("支付宝", "微信", "花呗", "白条", "京东支付", "云闪付", "信用卡", "银行卡", "PayPal")
# "花呗付不了": an accepted method that fails is not answered "支持花呗"
FAILED_WORDS = (
    "付不了",
    "付不上",
    "付不出",
    "用不了",
    "不能用",
    "失败",
    "支付不了",
    "付款不了",
    "扣不了",
)
CAUSES = (
    ("charged_unpaid", ("扣了", "扣款了", "已扣款", "钱付了", "钱扣")),
    ("proxy_pay", ("代付", "帮我付", "帮忙付", "找人付", "朋友付")),
    ("company_transfer", ("对公", "公司转账", "公司付", "公户")),
    ("cash_on_delivery", ("货到付款", "到付", "到了再给钱", "到了再付", "收货再付", "收到再付")),
    ("instalments", ("分期",)),
    ("card_limit", LIMIT_WORDS),
)


def propose(ctx: Context) -> list[Draft]:
    payment = ctx.shop.payment
    facts = {"methods": payment.methods, "cash_on_delivery": payment.cash_on_delivery}
    credit = next((word for word in CREDIT if ctx.mentions(word)), None)
    text = ctx.understanding.text
    mentioned = [word for word in METHODS if word in text]
    # "能用微信付吗？我没有支付宝": the method asked about is the first one named
    method = min(mentioned, key=text.find) if mentioned else None
    cause = next((cause for cause, words in CAUSES if ctx.mentions(*words)), None)
    if cause in ("charged_unpaid", "proxy_pay"):
        # money taken but the order unpaid, or someone else paying: no method question
        return [_draft(ctx, f"payment_help.{cause}", facts)]
    if method and not _accepts(payment, method) and cause != "company_transfer":
        return [_draft(ctx, "payment_help.method_no", facts | {"method": method})]
    if cause == "company_transfer":
        facts |= {"company_transfer_hours": payment.company_transfer_hours}
    elif cause == "card_limit" and credit:
        cause, facts = "credit_limit", facts | {"credit": credit}
    elif cause == "card_limit":
        # a card over its limit: the other ways to pay, not "换银行卡"
        others = tuple(name for name in payment.methods if "卡" not in name)
        facts |= {"methods": others or payment.methods}
    elif cause == "instalments":
        return [_instalments(ctx, payment, credit, facts)]
    elif cause is None and method and ctx.mentions(*FAILED_WORDS):
        others = tuple(name for name in payment.methods if method not in name)
        return [
            _draft(
                ctx,
                "payment_help.method_failed",
                facts | {"method": method, "others": others or payment.methods},
            )
        ]
    elif cause is None and method:
        return [_draft(ctx, "payment_help.method_yes", facts | {"method": method})]
    return [_draft(ctx, _key(cause, payment), facts)]


def _instalments(ctx: Context, payment: Payment, credit: str | None, facts: dict) -> Draft:
    facts |= {"instalments": payment.instalments}
    if not payment.instalments:
        return _draft(ctx, "payment_help.no_instalments", facts)
    if credit and not any(credit in plan for plan in payment.instalments):
        return _draft(ctx, "payment_help.method_no", facts | {"method": f"{credit}分期"})
    return _draft(ctx, "payment_help.instalments", facts)


def _accepts(payment: Payment, method: str) -> bool:
    accepted = (*payment.methods, *payment.instalments)
    if method == "信用卡":
        return any(word in name for name in accepted for word in ("信用卡", "银行卡"))
    return any(method in name for name in accepted)


def _key(cause: str | None, payment: Payment) -> str:
    if cause is None:
        return "payment_help.ask"
    if cause in ("card_limit", "credit_limit", "cash_on_delivery"):
        return f"payment_help.{cause}_{'cod' if payment.cash_on_delivery else 'no_cod'}"
    return f"payment_help.{cause}"


def _draft(ctx: Context, key: str, facts: dict) -> Draft:
    return ctx.draft("payment_help", key, facts, needs_approval=False, auto_send_safe=True)
