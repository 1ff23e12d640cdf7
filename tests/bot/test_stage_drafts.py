"""Drafts that fit where the buyer is and what they already said (issue 15), as a table.

Each row: a buyer message in the real-traffic style (multi-bubble, fragments, order cards), the
intent pinned through the Understanding (so the table does not depend on the model), earlier
buyer messages, the platform's order status → the first draft's tactic, words the drafts must
say and words none of them may say. Shop open, clock fixed (Wednesday 2026-07-15 10:30)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from bot.drafting import draft_replies
from bot.types import Entity, IntentScore, Turn, Understanding
from tests.bot_helpers import SHOPS, at

NOW = at("2026-07-15 10:30")
# Sales pushes for this order: never to a buyer past payment.
SALES = ("再拍", "现在拍", "领了", "这单就能用", "只剩", "限量", "现在下单", "抓紧", "放心拍")
COLD = ("没太明白",)
ASKS_ORDER = ("发一下订单号", "订单号发我", "把订单号发")


@dataclass(frozen=True)
class Case:
    text: str
    intent: str
    first: str
    has: tuple[str, ...] = ()
    lacks: tuple[str, ...] = ()
    earlier: tuple[str, ...] = ()
    status: str | None = None
    shop: str = "demo"
    confidence: float = 0.93
    also: tuple[tuple[str, float], ...] = ()
    entities: dict = field(default_factory=dict)
    when: str | None = None
    fallback: bool = False


def understanding(case: Case) -> Understanding:
    ranking = (IntentScore(case.intent, case.confidence),) + tuple(
        IntentScore(name, score) for name, score in case.also
    )
    entities = tuple(Entity(k, v, str(v), 0, 0) for k, v in case.entities.items())
    return Understanding(case.text, ranking, entities, fallback=case.fallback)


def drafts_for(case: Case):
    history = [Turn(message) for message in case.earlier]
    when = at(case.when) if case.when else NOW
    return draft_replies(
        understanding(case),
        SHOPS[case.shop],
        when,
        history=history,
        order_status=case.status,
        seed="t",
    )


def c(text, intent, first, *, has=(), lacks=(), earlier=(), status=None, shop="demo", **kw):
    entities = {
        k: kw.pop(k) for k in list(kw) if k not in ("confidence", "also", "when", "fallback")
    }
    case = Case(text, intent, first, tuple(has), tuple(lacks), tuple(earlier), status, shop,
                entities=entities, **kw)  # fmt: skip
    return pytest.param(case, id=f"{intent}:{text}|{','.join(earlier)}|{status or ''}")


PAST_PAYMENT = [
    # a price complaint after payment: price protection (jdhome has 30 days) or a supervisor
    c(
        "我已经付款了 怎么降价了",
        "price_objection",
        "price_protection",
        shop="jdhome",
        has=("30天价保", "订单号"),
        lacks=SALES,
    ),
    c(
        "前天买的今天便宜了一百",
        "price_objection",
        "price_protection",
        shop="jdhome",
        has=("价保",),
        lacks=SALES,
    ),
    c(
        "付过款了 现在便宜20 能退差价吗 订单号123456789012",
        "price_objection",
        "price_protection",
        shop="jdhome",
        order_id="123456789012",
        has=("订单123456789012", "差价"),
        lacks=SALES + ASKS_ORDER,
    ),
    c("前天买的今天便宜了一百", "price_objection", "price_protection", has=("主管",), lacks=SALES),
    c("刚付完款就降价 [订单1]", "price_objection", "price_protection", lacks=SALES),
    c("降价了", "price_objection", "price_protection", status="paid", lacks=SALES),
    c("别家才79 我都付款了", "compare_shops", "price_protection", lacks=SALES),
    c("我买了之后降价了", "price_objection", "price_protection", lacks=SALES),
    c("有券吗", "price_objection", "price_protection", earlier=("已付款",), lacks=SALES),
    c("还能便宜吗", "price_objection", "price_protection", status="shipped", lacks=SALES),
    c("收到了 怎么比我买的时候便宜", "price_objection", "price_protection", lacks=SALES),
    # a paid buyer asking when it ships: their order, no "现在拍"
    c("我付过款了 今天能发吗", "shipping_time", "order_shipping", has=("发出",), lacks=SALES),
    c("已经付款了 什么时候发货", "shipping_time", "order_shipping", lacks=SALES),
    c("今天能发吗", "shipping_time", "order_shipping", status="paid", lacks=SALES),
    c(
        "付过款了 今天能发吗",
        "shipping_time",
        "order_shipping",
        when="2026-07-15 17:30",
        has=("明天",),
        lacks=SALES + ("今天下午",),
    ),
    c("还没发货吗 都两天了", "shipping_time", "order_shipping", lacks=SALES),
    c("说好的今天发 怎么还没发", "shipping_time", "order_shipping", has=("抱歉",), lacks=SALES),
    c("怎么还不发货", "logistics_tracking", "order_shipping", lacks=SALES + ASKS_ORDER),
    # a paid buyer hesitating or asking about stock: no scarcity, no "放心拍"
    c("我拍的那个缺货吗 已经付款了", "stock_availability", "order_check", lacks=SALES),
    c("付款了 有货吧", "stock_availability", "order_check", lacks=SALES, product="儿童泳衣"),
    c("已付款 会不会断货不发", "stock_availability", "order_check", lacks=SALES),
    c("再考虑一下要不要", "hesitation", "order_check", status="paid", lacks=SALES),
    c("已付款 有啥活动吗", "price_objection", "price_protection", lacks=SALES),
    c("付款了 还送东西吗", "price_objection", "gift", product="笔记本", has=("鼠标",), lacks=SALES),
    c("付款了", "payment_issue", "order_check", lacks=("遇到问题", "付款时", "付不了")),
    c("我已经付款了 你看下到账没", "payment_issue", "order_check", lacks=("遇到问题", "付款时")),
    c(
        "支付了 订单号123456789012",
        "payment_issue",
        "order_check",
        order_id="123456789012",
        has=("123456789012",),
        lacks=ASKS_ORDER,
    ),
    c(
        "付款了 宝宝两岁穿多大",
        "size_worry",
        "size_advice",
        product="儿童泳衣",
        age=2,
        has=("90码",),
    ),
]

PRE_SALE_STILL_SELLS = [
    c("太贵了", "price_objection", "promotion", product="儿童泳衣", has=("暑期亲子季",)),
    c("能便宜点吗", "price_objection", "promotion", product="儿童泳衣"),
    c("在吗 能便宜点吗 喜欢但有点贵", "price_objection", "promotion", product="儿童泳衣"),
    c("今天能发吗", "shipping_time", "shipping_cutoff", has=("现在拍",)),
    c("你好 在吗 今天能发货吗", "shipping_time", "shipping_cutoff"),
    c("拍了 能便宜点吗", "price_objection", "promotion", product="儿童泳衣"),
    c("还没付款 能便宜吗", "price_objection", "promotion", product="儿童泳衣"),
    c("我再考虑一下", "hesitation", "promotion", product="儿童泳衣"),
    c(
        "蓝色90码还有吗",
        "stock_availability",
        "stock_scarcity",
        product="儿童泳衣",
        size="90",
        color="蓝色",
        has=("3件",),
    ),
    c("别家才3800", "compare_shops", "service_value", product="笔记本", competitor_price=3800),
    c("付款前价格涨了", "price_objection", "promotion", product="儿童泳衣"),
]

HONEST_SCOPE = [
    # parcel and refund answers only when the stage fits and the intent is confident
    c("快递到哪了", "logistics_tracking", "logistics", has=("订单号",)),
    c(
        "物流三天没更新 订单号123456789012",
        "logistics_tracking",
        "logistics",
        order_id="123456789012",
        has=("123456789012",),
        lacks=ASKS_ORDER,
    ),
    c("怎么给我放驿站了", "logistics_tracking", "logistics"),
    c("写着已签收 我没拿到", "logistics_tracking", "logistics"),
    c("维修要多久", "logistics_tracking", "order_check", lacks=("物流", "快递")),
    c("好评", "logistics_tracking", "thanks", lacks=("物流", "快递")),
    c("这个怎么安装", "logistics_tracking", "order_check", lacks=("物流",)),
    c("快递到哪了", "logistics_tracking", "order_check", confidence=0.55, lacks=("物流进度",)),
    c("我的东西呢", "logistics_tracking", "order_check", lacks=("物流",)),
    c("退款什么时候到账", "refund_progress", "refund_status", has=("1-3个工作日",)),
    c("退的钱到哪了", "refund_progress", "refund_status"),
    c(
        "申请了退款 多久到 订单号123456789012",
        "refund_progress",
        "refund_status",
        order_id="123456789012",
        has=("123456789012",),
        lacks=ASKS_ORDER,
    ),
    c("取件的一直没来", "refund_progress", "refund_status"),
    c("退款什么时候到账", "refund_progress", "order_check", confidence=0.5, lacks=("工作日",)),
    c("换货流程是什么", "refund_progress", "order_check", lacks=("工作日", "到账")),
    c("有活动吗", "refund_progress", "promotion", lacks=("到账",)),
    c("下次还来 好评", "refund_progress", "thanks", lacks=("到账",)),
    c("在吗", "logistics_tracking", "logistics", status="shipped"),
    c("在吗", "refund_progress", "refund_status", status="refunding"),
    c("什么时候到", "shipping_time", "logistics", earlier=("发货了吗", "快递到哪了")),
]

USE_WHAT_WAS_SAID = [
    c(
        "换40码",
        "refund_intent",
        "refund_remedy",
        size="40",
        has=("40码",),
        lacks=("原因", "哪里不满意", "身高"),
    ),
    # the demo shop sells no size 40: read back and checked against the order, not promised
    c("收到偏小 换40码", "refund_intent", "refund_remedy", size="40", has=("有没有40码",)),
    c("鞋子小了 能换个40码吗", "refund_intent", "refund_remedy", size="40", has=("40码",)),
    c("XL的能换成XXL吗", "refund_intent", "refund_remedy", size="XXL", has=("XXL码",)),
    c(
        "码数拍小了 换40码",
        "size_worry",
        "refund_remedy",
        size="40",
        product="儿童泳衣",
        has=("没有40码",),
        lacks=("换成40码",),
    ),
    c(
        "已付款 帮我换成110码",
        "size_worry",
        "refund_remedy",
        size="110",
        product="儿童泳衣",
        # 110 is sold out with no restock date: a return or a wait, never a promised swap
        has=("110码目前缺货", "退货退款"),
        lacks=("换成110码", "身高"),
    ),
    c(
        "穿多大",
        "size_worry",
        "size_advice",
        product="儿童泳衣",
        earlier=("宝宝身高95cm",),
        has=("100码",),
        lacks=("身高、体重", "身高和体重"),
    ),
    c(
        "那选哪个码",
        "size_worry",
        "size_advice",
        product="儿童泳衣",
        earlier=("孩子两岁", "高88厘米"),
        has=("90码",),
        lacks=("身高、体重",),
    ),
    c(
        "宝宝18斤穿多大",
        "size_worry",
        "size_advice",
        product="儿童泳衣",
        weight_kg=9,
        has=("80码",),
        lacks=("身高、体重",),
    ),
    c(
        "快递到哪了",
        "logistics_tracking",
        "logistics",
        earlier=("订单号123456789012",),
        has=("123456789012",),
        lacks=ASKS_ORDER,
    ),
    c(
        "退款呢",
        "refund_progress",
        "refund_status",
        earlier=("申请退款了 订单号123456789012",),
        has=("123456789012",),
        lacks=ASKS_ORDER,
    ),
    c(
        "我要改地址",
        "address_change",
        "address_confirm",
        earlier=("订单号123456789012",),
        has=("123456789012",),
    ),
    c(
        "电话留错了 13812345678",
        "address_change",
        "address_confirm",
        order_id="13812345678",
        has=("电话",),
        lacks=("订单13812345678", "收件人、电话"),
    ),
    c(
        "改成送公司 浙江省杭州市西湖区文三路100号",
        "address_change",
        "address_confirm",
        has=("地址",),
        lacks=("收件人、电话和详细地址",),
    ),
    c("新地址[地址1] 电话13900001111", "address_change", "address_confirm", has=("地址和电话",)),
    c(
        "帮我查下 123456789012",
        "out_of_scope",
        "order_check",
        order_id="123456789012",
        has=("123456789012",),
        lacks=ASKS_ORDER + COLD,
    ),
    c(
        "订单号123456789012 到哪了",
        "logistics_tracking",
        "logistics",
        order_id="123456789012",
        has=("123456789012",),
        lacks=ASKS_ORDER,
    ),
]

TONE = [
    c("烧水的时候壶坏了", "defect_complaint", "defect_help", has=("抱歉",), lacks=COLD),
    c("收到是坏的", "defect_complaint", "defect_help", has=("抱歉",)),
    c("开机没反应 [订单1]", "defect_complaint", "defect_help", has=("抱歉",)),
    c("烧水的时候壶坏了", "out_of_scope", "clarify", has=("抱歉", "跟进"), lacks=COLD),
    c("电话号码要改一下", "out_of_scope", "clarify", lacks=COLD),
    c("有现货的先发", "out_of_scope", "clarify", lacks=COLD),
    c("嗯嗯是这个", "out_of_scope", "clarify", lacks=COLD),
    c("我老婆买的", "out_of_scope", "clarify", lacks=COLD),
    c("[订单1]", "out_of_scope", "order_check", has=("订单[订单1]",), lacks=COLD),
    c(
        "咨询订单号:[数字1] 订单金额:[金额1] 下单时间:[日期1]",
        "out_of_scope",
        "clarify",
        has=("订单",),
        lacks=COLD,
    ),
    c("上次那个呢", "out_of_scope", "clarify", earlier=("已付款",), has=("订单",), lacks=COLD),
    c("到底什么时候发？？", "shipping_time", "order_shipping", status="paid", has=("抱歉",)),
    c("人呢 快递到哪了 急用", "logistics_tracking", "logistics", has=("抱歉",)),
    c(
        "什么时候发货",
        "shipping_time",
        "order_shipping",
        earlier=("已付款", "什么时候发货"),
        has=("抱歉",),
    ),
    c("怎么回事 还没发货", "logistics_tracking", "order_shipping", has=("抱歉",)),
    c("你们这什么破服务 我要投诉", "request_human", "handoff", has=("抱歉",)),
    c("转人工", "request_human", "handoff", lacks=COLD),
    c("好的谢谢", "thanks", "thanks", lacks=("抱歉",)),
    c("在吗", "greet", "greeting", lacks=("抱歉",)),
    c("在吗", "greet", "greeting", earlier=("已付款",), has=("订单",), lacks=("看中哪款",)),
    c("亲 在不在", "greet", "greeting", status="shipped", has=("订单",)),
    c("少发了一个配件！！", "defect_complaint", "defect_help", has=("抱歉",)),
]

LOW_CONFIDENCE = [
    # the first draft is safe whatever the buyer meant among the likely intents
    c(
        "那个呢",
        "price_objection",
        "clarify",
        confidence=0.45,
        also=(("shipping_time", 0.3), ("stock_availability", 0.2)),
        has=("优惠价格", "发货时间", "有没有货"),
        lacks=COLD,
    ),
    c(
        "这个呢 还有吗",
        "stock_availability",
        "clarify",
        confidence=0.5,
        also=(("price_objection", 0.3),),
        has=("有没有货", "优惠价格"),
    ),
    c(
        "我那单呢",
        "logistics_tracking",
        "order_check",
        confidence=0.45,
        also=(("refund_progress", 0.35),),
        has=("订单",),
        lacks=("物流进度", "工作日"),
    ),
    c(
        "钱呢 订单号123456789012",
        "refund_progress",
        "order_check",
        confidence=0.4,
        also=(("logistics_tracking", 0.35),),
        order_id="123456789012",
        has=("123456789012",),
        lacks=("工作日",) + ASKS_ORDER,
    ),
    c(
        "能不能快点",
        "shipping_time",
        "clarify",
        confidence=0.45,
        also=(("logistics_tracking", 0.4),),
        has=("发货时间", "物流"),
    ),
    c("好", "thanks", "thanks", confidence=0.55, also=(("greet", 0.3),)),
]

GIFT_AND_PROMOTION_ROUTING = [
    c("有赠品吗", "ask_product_info", "gift", product="笔记本", has=("鼠标",)),
    c("买笔记本有送什么吗", "price_objection", "gift", product="笔记本", has=("鼠标",)),
    c("有赠品吗", "hesitation", "gift", product="笔记本"),
    c("送不送东西", "out_of_scope", "gift", product="笔记本"),
    c("在吗 有赠品吗", "greet", "gift", product="笔记本"),
    c("有活动吗", "greet", "promotion", lacks=COLD),
    c("有活动吗", "ask_product_info", "promotion"),
    c("有优惠吗 想买两件", "stock_availability", "promotion", product="儿童泳衣"),
    c("最近有满减吗", "out_of_scope", "promotion"),
    c("有活动吗", "price_objection", "promotion"),
    c("已发货了 有赠品吗", "out_of_scope", "clarify", product="笔记本", has=("订单",), lacks=SALES),
]

REFUND_AND_CANCEL = [
    c("我要退货", "refund_intent", "refund_reason", has=("原因",)),
    c("不想要了", "refund_intent", "refund_reason"),
    c("还没发就不要了", "refund_intent", "refund_reason"),
    c("小了想退", "refund_intent", "refund_remedy", has=("换",)),
    c("收到是坏的 我要退", "refund_intent", "refund_remedy", has=("抱歉",)),
    c("退的话运费谁出", "refund_intent", "return_policy", has=("运费",), lacks=("原因",)),
    c("怎么退 寄到哪", "refund_intent", "return_policy", lacks=("原因",)),
    c("怎么退款", "refund_intent", "return_policy", earlier=("已付款",)),
    c("想退 有点不喜欢", "refund_intent", "refund_reason", earlier=("已付款",)),
    c("不会用 想退", "refund_intent", "refund_remedy", has=("用法",)),
    c("你们不会取消我订单吧 我还要的", "refund_intent", "order_check", lacks=("原因", "退换")),
    c("别取消 我要的", "refund_progress", "order_check", lacks=("到账",)),
]

# Ordered, not paid: they pay the order they have; no coupon for it ("领了再拍" needs a second
# order), no "现在拍下". Unsure messages still get what their words say plainly.
ORDERED_NOT_PAID = [
    c("拍了还没付 有券吗", "price_objection", "promotion", product="儿童泳衣", lacks=SALES[:3]),
    c("下单了 能便宜点不", "price_objection", "promotion", lacks=SALES[:3]),
    c(
        "亲 在不在 我那个订单能不能今天发",
        "shipping_time",
        "order_shipping",
        has=("付",),
        lacks=SALES,
    ),  # fmt: skip
    c(
        "订单号123456789012 什么时候发",
        "shipping_time",
        "order_shipping",
        order_id="123456789012",
        lacks=SALES,
    ),  # fmt: skip
    c(
        "我拍了还没付 还剩几件",
        "stock_availability",
        "order_check",
        product="护眼台灯",
        lacks=SALES,
    ),  # fmt: skip
]

WORDS_OF_AN_UNSURE_MESSAGE = [
    c(
        "收到有点小 能换40码吗",
        "price_objection",
        "refund_remedy",
        confidence=0.45,
        fallback=True,
        size="40",
        has=("40码",),
        lacks=("身高", "哪个码"),
    ),  # fmt: skip
    c(
        "鞋子偏大 换个38码的",
        "size_worry",
        "refund_remedy",
        size="38",
        has=("38码",),
        lacks=("身高",),
    ),  # fmt: skip
    c(
        "在吗 我昨天刚买的 今天就降了五十 咋回事",
        "out_of_scope",
        "price_protection",
        confidence=0.4,
        fallback=True,
        also=(("price_objection", 0.3),),
        lacks=SALES,
    ),  # fmt: skip
    c(
        "现在降价了",
        "thanks",
        "price_protection",
        confidence=0.45,
        fallback=True,
        earlier=("我前天买的那双",),
        lacks=SALES,
    ),  # fmt: skip
    c("买完就降价 太坑了吧", "price_objection", "price_protection", lacks=SALES),
    c("先发有货的 剩下的到了再发", "stock_availability", "order_check", lacks=SALES),
    c(
        "到底什么时候发货 都三天了", "shipping_time", "order_shipping", has=("抱歉",), lacks=SALES
    ),  # fmt: skip
]

# What broke or arrived wrong gets the defect path whatever the intent; praise gets thanks.
DEFECTS_AND_PRAISE = [
    c(
        "刚用两次就不亮了 怎么回事",
        "payment_issue",
        "defect_help",
        has=("抱歉", "照片"),
        lacks=ASKS_ORDER,
    ),  # fmt: skip
    c(
        "发错了 我要的是黑色42码 给我发了白色",
        "stock_availability",
        "defect_help",
        confidence=0.4,
        fallback=True,
        has=("发错",),
        lacks=("色差",),
    ),  # fmt: skip
    c(
        "收到货发现颜色不对 我要的是蓝色",
        "defect_complaint",
        "defect_help",
        has=("换成您要的",),
        lacks=("色差",),
    ),  # fmt: skip
    c("颜色跟图片不一样", "defect_complaint", "defect_help", has=("色差",)),
    c("质量不错 好评", "quality_worry", "thanks", lacks=("正品",)),
    c("你们家客服态度真好", "out_of_scope", "thanks"),
    c("质量不错 就是有点小", "quality_worry", "quality_assurance"),
    c("质量好不好", "quality_worry", "quality_assurance"),
    c(
        "咨询订单号:[订单1] 买贵了 能退差价不",
        "refund_intent",
        "price_protection",
        confidence=0.46,
        fallback=True,
        also=(("price_objection", 0.3),),
        lacks=SALES,
    ),  # fmt: skip
]

# Product and colour named in an earlier message are used, not asked again.
REMEMBERED_PRODUCT_AND_COLOUR = [
    c(
        "90码还有吗",
        "stock_availability",
        "stock_check",
        earlier=("儿童泳衣 粉色的",),
        size="90",
        has=("儿童连体泳衣 粉色 90码",),
    ),  # fmt: skip
    c(
        "那90码的呢 还有吗",
        "stock_availability",
        "stock_scarcity",
        earlier=("我要蓝色的泳衣",),
        size="90",
        has=("蓝色 90码", "3件"),
    ),  # fmt: skip
    c(
        "还有货吗",
        "stock_availability",
        "stock_check",
        earlier=("笔记本 深空灰的",),
        has=("14英寸轻薄笔记本 深空灰",),
        lacks=("哪一款", "链接"),
    ),  # fmt: skip
]

CASES = (
    DEFECTS_AND_PRAISE
    + ORDERED_NOT_PAID
    + REMEMBERED_PRODUCT_AND_COLOUR
    + WORDS_OF_AN_UNSURE_MESSAGE
    + PAST_PAYMENT
    + PRE_SALE_STILL_SELLS
    + HONEST_SCOPE
    + USE_WHAT_WAS_SAID
    + TONE
    + LOW_CONFIDENCE
    + GIFT_AND_PROMOTION_ROUTING
    + REFUND_AND_CANCEL
)


@pytest.mark.parametrize("case", CASES)
def test_stage_fitting_draft(case: Case):
    drafts = drafts_for(case)
    texts = " / ".join(draft.text for draft in drafts)
    assert (drafts[0].tactic, texts) == (case.first, texts)
    assert [word for word in case.has if word not in texts] == [], texts
    assert [word for word in case.lacks + COLD if word in texts] == [], texts
    assert 1 <= len(drafts) <= 3


@pytest.mark.parametrize(
    ("text", "sizes", "wanted"),
    [("衣服小了 L换XL", ("L", "XL"), "XL"), ("换XL 之前拍的L", ("XL", "L"), "XL"),
     ("40码小了 换41码", ("40", "41"), "41"), ("换42码", ("42",), "42")],
)  # fmt: skip
def test_exchange_confirms_the_size_wanted_not_the_one_sent_back(text, sizes, wanted):
    entities = tuple(Entity("size", size, size, 0, 0) for size in sizes)
    understood = Understanding(text, (IntentScore("refund_intent", 0.93),), entities)
    drafts = draft_replies(understood, SHOPS["demo"], NOW, seed="t")
    assert (drafts[0].tactic, drafts[0].facts["size"]) == ("refund_remedy", wanted)
