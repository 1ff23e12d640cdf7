"""bot.stage: where the buyer is with the order, from the words of the message (negations first),
the earlier messages, an order number, the intent and the platform's order status."""

from __future__ import annotations

import pytest

from bot.stage import (
    AFTER_SALE,
    ORDERED_UNPAID,
    PAID_NOT_SHIPPED,
    PRE_SALE,
    RECEIVED,
    SHIPPED,
    Stage,
    buyer_stage,
    text_stage,
)
from bot.types import Turn
from tests.bot_helpers import understand

# (message in the real-traffic style, expected stage); none of these is from the dev set
MESSAGE_STAGES = [
    # pre-sale: nothing about an order
    ("太贵了", PRE_SALE),
    ("在吗 这个有货吗", PRE_SALE),
    ("宝宝两岁穿多大", PRE_SALE),
    ("发新疆要几天", PRE_SALE),
    ("快递到上海要几天", PRE_SALE),
    ("你们发什么快递", PRE_SALE),
    ("有赠品吗", PRE_SALE),
    ("能开专票吗", PRE_SALE),
    ("玻璃的会不会压碎", PRE_SALE),
    ("我拍了照片你看下", PRE_SALE),
    ("hi 亲 在不在", PRE_SALE),
    ("等双十一再说", PRE_SALE),
    # ordered, payment not said
    ("拍了 能便宜点吗", ORDERED_UNPAID),
    ("我刚下单 能改下颜色吗", ORDERED_UNPAID),
    ("下了单还没付款 能改价吗", ORDERED_UNPAID),
    ("订单号发你了", ORDERED_UNPAID),
    ("[订单1] 你好", ORDERED_UNPAID),
    ("咨询订单号:[数字1] 订单金额:[金额1]", ORDERED_UNPAID),
    ("帮我取消订单", ORDERED_UNPAID),
    ("码数拍小了 想换", ORDERED_UNPAID),
    ("我的订单怎么看不到了", ORDERED_UNPAID),
    ("待付款那个能便宜吗", ORDERED_UNPAID),
    # paid, not shipped
    ("我已经付款了 今天能发吗", PAID_NOT_SHIPPED),
    ("付过款了 什么时候发货", PAID_NOT_SHIPPED),
    ("还没发货吗", PAID_NOT_SHIPPED),
    ("怎么还不发货 都两天了", PAID_NOT_SHIPPED),
    ("前天买的今天便宜了一百", PAID_NOT_SHIPPED),
    ("已支付 麻烦快点发", PAID_NOT_SHIPPED),
    ("催一下发货 急用", PAID_NOT_SHIPPED),
    ("刚付完款 地址写错了", PAID_NOT_SHIPPED),
    ("昨天买的 有赠品吗", PAID_NOT_SHIPPED),
    ("说好的今天发 怎么还没发", PAID_NOT_SHIPPED),
    # shipped, not received
    ("快递到哪了", SHIPPED),
    ("人呢 快递到哪了 急用", SHIPPED),
    ("物流三天没更新", SHIPPED),
    ("还没收到货", SHIPPED),
    ("怎么给我放驿站了", SHIPPED),
    ("中转站卡住了", SHIPPED),
    ("派件员不接电话", SHIPPED),
    ("已发货 但是一直没到", SHIPPED),
    ("我的快递呢", SHIPPED),
    ("发货了吗 发货了告诉我", SHIPPED),
    # received
    ("收到是坏的", RECEIVED),
    ("收到货了 颜色不对", RECEIVED),
    ("写着已签收 我没拿到", RECEIVED),
    ("烧水的时候壶坏了", RECEIVED),
    ("少发了一个配件", RECEIVED),
    ("开机没反应", RECEIVED),
    ("拆开发现外壳裂了", RECEIVED),
    ("穿了一次就开线", RECEIVED),
    # after-sale
    ("退款什么时候到账", AFTER_SALE),
    ("退款还没到账", AFTER_SALE),
    ("退的钱到哪了", AFTER_SALE),
    ("取件的一直没来", AFTER_SALE),
    ("都撤单了怎么还显示出库", AFTER_SALE),
    ("寄回去了 怎么还没退", AFTER_SALE),
    ("退货寄回去好几天了没动静", AFTER_SALE),
    ("申请了退款 多久处理", AFTER_SALE),
    ("售后单一直没人处理", AFTER_SALE),
]


@pytest.mark.parametrize("text, expected", MESSAGE_STAGES)
def test_stage_from_the_message(text, expected):
    assert buyer_stage(understand("out_of_scope", text)).name == expected


def test_negated_cue_wins_over_the_word_inside_it():
    assert text_stage("还没发货吗") == Stage(PAID_NOT_SHIPPED, "还没发货")
    assert text_stage("还没收到") == Stage(SHIPPED, "还没收到")
    assert text_stage("还没付款") == Stage(ORDERED_UNPAID, "还没付款")


def test_no_cue_is_an_assumed_pre_sale():
    stage = buyer_stage(understand("price_objection", "能便宜点吗"))
    assert (stage.name, stage.assumed, stage.paid, stage.has_order) == (
        PRE_SALE,
        True,
        False,
        False,
    )


# (earlier buyer messages, the new message, expected stage): orders only move forward
HISTORY_STAGES = [
    (["我已经付款了"], "能便宜点吗", PAID_NOT_SHIPPED),
    (["拍了"], "还有优惠吗", ORDERED_UNPAID),
    (["快递到哪了"], "好的", SHIPPED),
    (["收到货了"], "有点小", RECEIVED),
    (["退款申请了"], "多久", AFTER_SALE),
    (["在吗", "这个有货吗"], "能便宜点吗", PRE_SALE),
    (["已付款", "收到是坏的"], "怎么办", RECEIVED),
    (["订单号123456789012"], "什么时候发", ORDERED_UNPAID),
]


@pytest.mark.parametrize("earlier, text, expected", HISTORY_STAGES)
def test_stage_from_earlier_messages(earlier, text, expected):
    history = [Turn(message) for message in earlier]
    assert buyer_stage(understand("out_of_scope", text), history).name == expected


# (order status from the platform, message, expected stage)
STATUS_STAGES = [
    ("unpaid", "能便宜点吗", ORDERED_UNPAID),
    ("wait_buyer_pay", "在吗", ORDERED_UNPAID),
    ("paid", "能便宜点吗", PAID_NOT_SHIPPED),
    ("待发货", "今天能发吗", PAID_NOT_SHIPPED),
    ("shipped", "在吗", SHIPPED),
    ("已签收", "在吗", RECEIVED),
    ("refunding", "在吗", AFTER_SALE),
    ("created", "能便宜点吗", ORDERED_UNPAID),
    ("cancelled", "在吗", AFTER_SALE),
    ("refunded", "钱呢", AFTER_SALE),
    ("paid", "收到是坏的", RECEIVED),
]


@pytest.mark.parametrize("status, text, expected", STATUS_STAGES)
def test_stage_from_the_order_status(status, text, expected):
    stage = buyer_stage(understand("out_of_scope", text), (), status)
    assert stage.name == expected


def test_order_status_is_the_cue():
    assert buyer_stage(understand("greet", "在吗"), (), "paid") == Stage(
        PAID_NOT_SHIPPED, "order_status:paid"
    )


def test_unknown_order_status_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown order status 'lost'; use one of: pre_sale, "):
        buyer_stage(understand("greet", "在吗"), (), "lost")


def test_order_id_entity_means_an_order():
    message = understand("out_of_scope", "123456789012", order_id="123456789012")
    assert buyer_stage(message) == Stage(ORDERED_UNPAID, "order_id:123456789012")


@pytest.mark.parametrize(
    "intent, expected",
    [
        ("refund_intent", ORDERED_UNPAID),
        ("defect_complaint", RECEIVED),
        ("logistics_tracking", PRE_SALE),
    ],
)
def test_intents_that_imply_a_stage(intent, expected):
    # logistics is left out on purpose: it is the intent most often misread
    assert buyer_stage(understand(intent, "这个怎么弄")).name == expected


def test_a_fallback_intent_implies_nothing():
    message = understand("defect_complaint", "那个呢", confidence=0.3, fallback=True)
    assert buyer_stage(message).name == PRE_SALE
