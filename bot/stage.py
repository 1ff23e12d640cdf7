"""Where the buyer is with their order, from what the message and the conversation say.

Six stages, in the order an order goes through them:
pre_sale → ordered_unpaid → paid_not_shipped → shipped → received → after_sale.

Evidence, strongest first:
1. the order status the platform reports (`order_status`, e.g. from order events), when given;
2. cues in the message and in the buyer's earlier messages (已付款, 拍了, 发货了, 收到货, 退款…),
   negated cues first ("还没发货" is paid-not-shipped, not shipped; "没收到" is shipped);
3. an order number, an order card or a pasted 订单号 means there is an order.
The furthest stage any evidence reaches wins: orders move forward, and a buyer who said
"已付款" two messages ago is still past payment. Nothing said: pre-sale, marked as assumed so
drafting can tell "the buyer said so" from "nobody said otherwise".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.types import Turn, Understanding

PRE_SALE = "pre_sale"
ORDERED_UNPAID = "ordered_unpaid"
PAID_NOT_SHIPPED = "paid_not_shipped"
SHIPPED = "shipped"
RECEIVED = "received"
AFTER_SALE = "after_sale"
STAGES = (PRE_SALE, ORDERED_UNPAID, PAID_NOT_SHIPPED, SHIPPED, RECEIVED, AFTER_SALE)

# The stages where the buyer has paid: no sales push for this order reaches them.
PAID_STAGES = frozenset({PAID_NOT_SHIPPED, SHIPPED, RECEIVED, AFTER_SALE})
# The stages where there is an order to look up.
ORDER_STAGES = frozenset(STAGES[1:])

# Platform order statuses (Taobao/JD wording and plain English) → stage; the order events of
# bot.orders (created, paid, cancelled, refunded) are statuses too.
ORDER_STATUSES = {
    "pre_sale": PRE_SALE,
    "created": ORDERED_UNPAID,
    "unpaid": ORDERED_UNPAID,
    "wait_buyer_pay": ORDERED_UNPAID,
    "待付款": ORDERED_UNPAID,
    "paid": PAID_NOT_SHIPPED,
    "wait_seller_send_goods": PAID_NOT_SHIPPED,
    "待发货": PAID_NOT_SHIPPED,
    "shipped": SHIPPED,
    "wait_buyer_confirm_goods": SHIPPED,
    "已发货": SHIPPED,
    "待收货": SHIPPED,
    "delivered": RECEIVED,
    "received": RECEIVED,
    "trade_finished": RECEIVED,
    "已签收": RECEIVED,
    "交易成功": RECEIVED,
    "refunding": AFTER_SALE,
    "cancelled": AFTER_SALE,
    "closed": AFTER_SALE,
    "refunded": AFTER_SALE,
    "after_sale": AFTER_SALE,
    "售后中": AFTER_SALE,
    "退款中": AFTER_SALE,
}
ORDER_STATUSES |= {stage: stage for stage in STAGES}

# Intents that on their own say how far the order is (when the model is not unsure). Logistics
# and refund-progress are left out on purpose: they are the intents most often misread, and
# their drafts promise things only a fitting stage justifies.
INTENT_STAGES = {"refund_intent": ORDERED_UNPAID, "defect_complaint": RECEIVED}

_NOT = r"(?:还没|还没有|没|没有|未|还未|不见|咋还没|怎么还没|怎么没)"

# Negated cues, matched first and cut out of the text, so the positive cue inside them
# ("还没发货" holds "发货") does not count.
NEGATED_CUES: tuple[tuple[str, str], ...] = (
    # "退款怎么还没到": the refund has not arrived, not the parcel
    (rf"(?:退款|退的钱|退钱)(?:怎么|咋|还|都)?{_NOT}(?:到账|到|收到)", AFTER_SALE),
    (rf"{_NOT}(?:退款|退钱|到账|退回|退)", AFTER_SALE),
    (rf"{_NOT}(?:收到|到货|签收|拿到|送到|到(?!账))", SHIPPED),
    (rf"{_NOT}(?:发货|发出|发|出库|揽收|寄出)", PAID_NOT_SHIPPED),
    (rf"{_NOT}(?:付款|付钱|支付|付)", ORDERED_UNPAID),
)

POSITIVE_CUES: tuple[tuple[str, str], ...] = (
    (
        r"退款(?:了|中|申请|进度|到账|还|什么时候|多久|没|到哪|在哪|呢|显示|成功|被|审核|驳回|怎么|咋|几天|多久)|"
        r"退到(?:哪|花呗|白条|银行卡|卡里|余额|支付宝|微信)|退回去的|换货的|申请了?(?:退款|退货|售后|换货)|"
        r"退货(?:寄|单|已|了)|寄回去|寄回了|退回去了|已经退了|撤单了|取消了订单|订单取消了|"
        r"已取消|售后单|服务单|退的钱|换货寄|取件|退款单",
        AFTER_SALE,
    ),
    (
        r"收到(?:货|了|的|是|后|有点|发现|以后)|到货了|签收|拿到(?:货|了)|已收货|刚到|"
        r"(?:穿|用|洗)了(?:几|一|两|三)|拆开|打开(?:后|发现|一看)|装上|"
        r"坏了|破了|裂了|漏气|漏水了|少发|发错|不亮|没反应|开不了机",
        RECEIVED,
    ),
    (
        r"已发货|发货了(?!吗)|已经发了|发出了|物流(?:信息|没|不|一直|怎么|显示|停|到哪|更新|卡)|"
        r"快递(?:到哪|在哪|还没|怎么还|显示|一直)|到哪了|在路上|派送|派件|驿站|中转|揽收|运单|"
        r"快递员|配送中|我的快递|快递呢|包裹|物流.{0,6}(?:没|不|停|卡|更新)",
        SHIPPED,
    ),
    (
        r"已付款|已经付|付款了|(?<![不没未别])付了(?![吗嘛么没])|付了款|付过款|付完|已支付|支付了|付了钱|刚付|"
        r"(?:前天|昨天|上周|刚|已经|之前|前几天|上次|刚刚)买(?:的|了)|买了.{0,4}(?:降价|便宜)|"
        r"催(?:一下)?发货|什么时候发我|怎么还不发|买完|买贵了|退差价|补差价|付好了|付过了|"
        r"先发有货|有货的先发|(?:有|现)货的?先(?:给我)?发|分开发|"
        r"(?:发货|发).{0,4}(?:都|已经)[一两三四五六七八九十几\d]+天了",
        PAID_NOT_SHIPPED,
    ),
    (
        r"拍了(?!照|张|图|视频)|拍(?:小|大|错)了|(?:[点号]|昨天|前天|刚才|上午|中午|下午|晚上|刚刚)拍的|拍错|拍下了|拍好了|下单了|下了单|已下单|已经下单|刚下单|刚拍|订单号|"
        r"订单编号|取消订单|撤单|退货|退款|换货|退掉|退换|"
        r"换(?:成|个|到|一个|一双|一件)?\s*(?:[2-5]XL|X{0,3}L|X{0,2}S|M|\d{2,3}\s*[码号的])|"
        r"\[订单|咨询订单|我的订单|这个订单|那个订单|我那单|订单(?:金额|信息)|待付款|改价",
        ORDERED_UNPAID,
    ),
)

_NEGATED = tuple((re.compile(pattern), stage) for pattern, stage in NEGATED_CUES)
_POSITIVE = tuple((re.compile(pattern), stage) for pattern, stage in POSITIVE_CUES)


@dataclass(frozen=True)
class Stage:
    """`cue` is the evidence (the words, or `order_status:<status>`); None when assumed."""

    name: str
    cue: str | None = None

    @property
    def paid(self) -> bool:
        return self.name in PAID_STAGES

    @property
    def has_order(self) -> bool:
        return self.name in ORDER_STAGES

    @property
    def assumed(self) -> bool:
        return self.cue is None


ASSUMED_PRE_SALE = Stage(PRE_SALE)


def buyer_stage(
    understanding: Understanding, history: Sequence[Turn] = (), order_status: str | None = None
) -> Stage:
    """The furthest stage the order status, the message or an earlier message gives evidence of."""
    found = [
        _status_stage(order_status),
        *(text_stage(turn.message) for turn in history),
        text_stage(understanding.text),
        _order_id_stage(understanding),
        _intent_stage(understanding),
    ]
    known = [stage for stage in found if stage is not None]
    return max(known, key=lambda stage: STAGES.index(stage.name), default=ASSUMED_PRE_SALE)


def text_stage(text: str) -> Stage | None:
    """The furthest stage the words of one message point to, or None without a cue."""
    found: list[Stage] = []
    for pattern, stage in _NEGATED:
        for match in pattern.finditer(text):
            found.append(Stage(stage, match.group()))
        text = pattern.sub("，", text)
    for pattern, stage in _POSITIVE:
        match = pattern.search(text)
        if match:
            found.append(Stage(stage, match.group()))
    return max(found, key=lambda stage: STAGES.index(stage.name), default=None)


def is_order_status(order_status: object) -> bool:
    """Whether an adapter may pass this on: callers check before drafting, so a bad status is
    the caller's clear error rather than a failed draft."""
    return isinstance(order_status, str) and order_status.strip().lower() in ORDER_STATUSES


def _status_stage(order_status: str | None) -> Stage | None:
    if not order_status:
        return None
    name = ORDER_STATUSES.get(order_status.strip().lower())
    if name is None:
        raise ValueError(f"unknown order status '{order_status}'; use one of: {', '.join(STAGES)}")
    return Stage(name, f"order_status:{order_status}")


def _intent_stage(understanding: Understanding) -> Stage | None:
    """A return request means there is an order, a defect report that the goods arrived."""
    name = None if understanding.fallback else INTENT_STAGES.get(understanding.intent)
    return None if name is None else Stage(name, f"intent:{understanding.intent}")


def _order_id_stage(understanding: Understanding) -> Stage | None:
    order_id = understanding.first_value("order_id")
    return None if order_id is None else Stage(ORDERED_UNPAID, f"order_id:{order_id}")
