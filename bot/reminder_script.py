"""What the agent says in a payment reminder (seed 000). The opener names the order and asks
whether paying ran into a problem, never "pay now or it's gone"; then at most one reason to pay
now, and only one the shop profile backs at that moment (stock about to run out, today's last
shipping cutoff, a running promotion or gift); then answers for the common payment problems,
each from the profile."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.orders import Order
from bot.shop.model import Product, Shop

_GREETING = {
    "phone": "您好，我是{shop}的客服。",
    "im": "亲，我是{shop}的客服～",
    "sms": "【{shop}】",
}


@dataclass(frozen=True)
class ScriptLine:
    code: str
    text: str


@dataclass(frozen=True)
class ReminderScript:
    opener: str
    reason: ScriptLine | None
    answers: tuple[ScriptLine, ...]

    @property
    def text(self) -> str:
        return self.opener + (self.reason.text if self.reason else "")


def reminder_script(order: Order, shop: Shop, channel: str, now: datetime) -> ReminderScript:
    local = now.astimezone(ZoneInfo(shop.hours.timezone))
    return ReminderScript(
        opener=_opener(order, shop, channel, local),
        reason=_reason_to_pay_now(order, shop, local),
        answers=_answers(shop),
    )


def _opener(order: Order, shop: Shop, channel: str, local: datetime) -> str:
    placed = _when(order.created_at.astimezone(local.tzinfo), local)
    return (
        _GREETING[channel].format(shop=shop.name)
        + f"看到您{placed}拍下的{_items(order, shop)}（订单{order.order_id}）还没有付款，"
        "请问是付款遇到什么问题了吗？"
    )


def _when(moment: datetime, now: datetime) -> str:
    days = (now.date() - moment.date()).days
    day = {0: "今天", 1: "昨天"}.get(days, f"{moment.month}月{moment.day}日")
    return f"{day}{_part_of_day(moment.hour)}{moment:%H:%M}"


def _part_of_day(hour: int) -> str:
    for end, name in ((6, "凌晨"), (12, "上午"), (13, "中午"), (18, "下午")):
        if hour < end:
            return name
    return "晚上"


def _products(order: Order, shop: Shop) -> list[Product]:
    found = (shop.product(item.product_id) for item in order.items)
    return [product for product in found if product is not None]


def _items(order: Order, shop: Shop) -> str:
    names = list(dict.fromkeys(product.name for product in _products(order, shop)))
    if not names:
        return "商品"
    if len(names) > 2:
        return f"{'、'.join(names[:2])}等{len(names)}件商品"
    return "、".join(names)


def _stock_of(order: Order, shop: Shop) -> list[tuple[Product, int]]:
    """Each ordered product with the stock that serves the order: its SKU's, else the total."""
    stocks = []
    for item in order.items:
        product = shop.product(item.product_id)
        if product is None:
            continue
        sku = next((sku for sku in product.skus if sku.id == item.sku_id), None)
        stocks.append((product, sku.stock if sku else product.stock))
    return stocks


def _reason_to_pay_now(order: Order, shop: Shop, local: datetime) -> ScriptLine | None:
    for reason in (_low_stock, _cutoff_today, _promotion, _gift):
        line = reason(order, shop, local)
        if line is not None:
            return line
    return None


def _low_stock(order: Order, shop: Shop, local: datetime) -> ScriptLine | None:
    for product, stock in _stock_of(order, shop):
        if 0 < stock <= shop.low_stock_threshold:
            return ScriptLine(
                "low_stock",
                f"这款{product.name}现在只剩{stock}件了，方便的话尽早付款，我这边帮您留意着货。",
            )
    return None


def _cutoff_today(order: Order, shop: Shop, local: datetime) -> ScriptLine | None:
    stocks = _stock_of(order, shop)
    if not stocks or any(stock <= 0 for _, stock in stocks):
        return None
    if local.weekday() not in shop.shipping.ship_days:
        return None
    for cutoff in shop.shipping.cutoffs:
        if local.time() < cutoff.before:
            return ScriptLine(
                "shipping_cutoff",
                f"今天{cutoff.before:%H:%M}前付款的订单今天就能发出，现在付款还赶得上。",
            )
    return None


def _promotion(order: Order, shop: Shop, local: datetime) -> ScriptLine | None:
    ordered = {product.id for product in _products(order, shop)}
    for promotion in shop.running_promotions(local):
        ends = promotion.ends_at.astimezone(local.tzinfo)
        until = f"活动到{ends.month}月{ends.day}日{ends:%H:%M}结束"
        if promotion.product in ordered and promotion.price is not None:
            return ScriptLine("promotion", f"{promotion.title}的活动价还在，{until}。")
        if promotion.min_spend is not None and order.value >= promotion.min_spend:
            return ScriptLine(
                "promotion",
                f"{promotion.title}：满{promotion.min_spend:g}减{promotion.discount:g}，"
                f"您这单已经满足，{until}。",
            )
    return None


def _gift(order: Order, shop: Shop, local: datetime) -> ScriptLine | None:
    if not any(product.gift_eligible for product in _products(order, shop)):
        return None
    tiers = [tier for tier in shop.gift_tiers if order.value >= tier.min_order_value]
    if not tiers:
        return None
    tier = max(tiers, key=lambda tier: tier.min_order_value)
    return ScriptLine("gift", f"您这单满{tier.min_order_value:g}元，付款后会随单送{tier.gift}。")


def _answers(shop: Shop) -> tuple[ScriptLine, ...]:
    payment = shop.payment
    answers = []
    others = [method for method in payment.methods if method != "银行卡"]
    if payment.cash_on_delivery:
        others.append("货到付款")
    if others:
        answers.append(
            ScriptLine("card_limit", f"如果是银行卡限额，也可以换成{'、'.join(others)}来付款。")
        )
    if payment.company_transfer_hours:
        answers.append(
            ScriptLine(
                "company_transfer",
                f"公司对公转账一般要{payment.company_transfer_hours}小时左右到账，"
                "到账后订单会自动变成已付款，不用重复付款。",
            )
        )
    if payment.instalments:
        answers.append(
            ScriptLine("instalments", f"想分期的话，可以用{'、'.join(payment.instalments)}付款。")
        )
    return tuple(answers)
