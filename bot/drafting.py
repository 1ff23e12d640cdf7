"""From an understood message to up to three grounded reply drafts, best first."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.catalogue import with_catalogue
from bot.memory import remembered_entities
from bot.nlu.understanding import NO_REQUEST_INTENTS
from bot.shop.model import Product, Shop
from bot.stage import buyer_stage
from bot.tactics import (
    CUES,
    STAGES_BY_TACTIC,
    TACTICS,
    Context,
    clarify,
    delivery_estimate,
    greeting,
    handoff,
    hesitation,
    offer_check,
    order_shipping,
    refund_reason,
    usage_help,
)
from bot.tactics.context import current_price
from bot.tactics.gift import GIFT_WORDS
from bot.templates import render
from bot.tone import is_upset
from bot.types import Draft, Entity, IntentScore, Turn, Understanding

MAX_DRAFTS = 3
APOLOGY = re.compile(r"抱歉|不好意思|对不起")

# Seeds' order per intent: 000 for price (promotion → coupon → service → supervisor) and for the
# hesitant buyer (promotion, shipping, gift, stock), 001 for refunds (reason first, then remedies).
# Each plan also holds the tactics for the later stages of the same question (a paid buyer's price
# complaint → price protection; a paid buyer's "when does it ship" → their order's shipping);
# STAGES_BY_TACTIC keeps every tactic to the stages it may speak in.
PLANS: dict[str, tuple[str, ...]] = {
    "price_objection": (
        ("price_protection", "promotion", "coupon", "service_value", "gift", "price_match")
    ),
    "compare_shops": ("price_protection", "service_value", "promotion", "coupon", "price_match"),
    "shipping_time": ("shipping_cutoff", "order_shipping", "delivery_estimate", "logistics"),
    "size_worry": ("size_advice", "refund_remedy"),
    "refund_intent": ("refund_reason", "refund_remedy", "return_policy"),
    "greet": ("greeting",),
    "thanks": ("thanks",),
    "ask_product_info": ("product_info",),
    "hesitation": ("promotion", "shipping_cutoff", "gift", "stock_scarcity", "hesitation"),
    "stock_availability": ("restock", "alternative", "stock_scarcity", "stock_check"),
    "quality_worry": ("quality_assurance", "service_value"),
    "payment_issue": ("payment_help",),
    "invoice_request": ("invoice",),
    "address_change": ("address_confirm",),
    "logistics_tracking": ("logistics", "order_shipping"),
    "refund_progress": ("refund_status",),
    "defect_complaint": ("defect_help", "return_policy"),
    "request_human": ("handoff",),
    "out_of_scope": ("clarify",),
}

# Promise-like answers (where the parcel is, when the money arrives) only on a confident intent;
# otherwise the neutral order look-up (issue 15: these two templates absorbed most misreadings).
PROMISES = frozenset({"logistics", "refund_status"})
CONFIDENT = 0.6

# "别给我取消 我还要的": a buyer worried the shop cancels an order they want; no "why return?"
KEEP_ORDER_WORDS = ("别取消", "不要取消", "不会取消", "会不会取消", "别给我退", "还要的", "不想退")
# What broke or arrived wrong, in words no shopper uses ("用不了" is left out: coupons are too).
DEFECT_WORDS = (
    "坏了",
    "破了",
    "裂了",
    "裂缝",
    "漏水",
    "漏气",
    "不亮",
    "没反应",
    "开不了机",
    "少发",
    "发错",
    "瑕疵",
    "开线",
    "没声音",
    "充不进电",
    "不加热",
)
# Praise with no question ("质量不错 好评", "客服态度真好"): thanks, not a sales answer.
PRAISE_WORDS = (
    "好评",
    "五星",
    "很好用",
    "挺好用",
    "好用",
    "满意",
    "不错",
    "态度真好",
    "态度好",
    "点赞",
    "给力",
)
# "质量不错 就是有点小": the praise comes before the real point
BUT_WORDS = (
    "不好",
    "不太",
    "不满意",
    "差评",
    "就是",
    "但是",
    "可是",
    "不过",
    "有点",
    "小了",
    "大了",
)
QUESTION = re.compile(r"[吗呢?？]|会不会|是不是|怎么|多少|能不能|有没有")
# A paid buyer's "it got cheaper": price protection, even when the intent is unsure.
PRICE_DROP_WORDS = ("降价", "降了", "便宜了", "差价", "价保", "保价", "买贵了")
# "有活动吗": the price plan whatever the intent (the intents spec counts it as price_objection);
# a gift question (GIFT_WORDS) goes to the gift tactic the same way.
PROMOTION_WORDS = ("有活动", "什么活动", "活动吗", "有优惠", "优惠吗", "满减", "有券", "优惠券")

# "付好了 你看下", "好的 那我拍了": the buyer reports ordering or paying, nothing more; the
# model reads it as thanks. The answer is their order's shipping, not "不客气".
REPORT_INTENTS = ("thanks", "out_of_scope", "greet")
PAYMENT_METHOD_QUESTION = re.compile(
    r"(?:花呗|白条|信用卡|微信|支付宝|云闪付|分期|货到付款)(?:支付|付款)?(?:能|可以|支持)(?:用|付)?(?:吗|不|嘛|么)"
)
SHIPPED_QUESTION = re.compile(r"发(?:货|出|出去)?了(?:吗|没|嘛|么)|发货没|发没发|什么时候发(?!票)")

# Questions the product's description or warranty answer, whatever else the buyer worries about.
INFO_WORDS = (
    "面料",
    "材质",
    "材料",
    "什么料",
    "容量",
    "多大的",
    "尺寸",
    "重量",
    "多重",
    "功率",
    "参数",
    "配置",
    "内存",
    "续航",
    "保修",
    "质保",
)
INFO_INTENTS = ("quality_worry", "out_of_scope", "size_worry", "stock_availability")
# Where a usage question lands: a product question, a fragment, a "broken" that is a setup problem
# ("装不上"), an installation visit asked as a delivery question ("到了能上门装吗"). Not a quality
# doubt: "耳机怎么连 是正品吗" is answered on authenticity, the usage follows as the second request.
USAGE_INTENTS = ("ask_product_info", "out_of_scope", "defect_complaint", "shipping_time")
WRONG_SIZE_WORDS = (
    "拍小了",
    "拍大了",
    "买小了",
    "买大了",
    "拍错码",
    "码拍错",
    "偏大",
    "偏小",
    "小了",
    "大了",
)
INVOICE_WORDS = ("发票", "开票", "专票", "普票")
STOCK_WORDS = ("有货", "还有", "有没有", "有吗", "的吗", "没货", "补货", "现货", "有的吗")

# A message's second request is answered in the best draft only by tactics that state shop facts
# (no coupon, no supervisor, no question back): what is in stock, when it ships, what it costs
# today, which invoices, which guarantees.
FACT_ANSWERS = frozenset(
    {
        "shipping_cutoff",
        "order_shipping",
        "delivery_estimate",
        "stock_check",
        "stock_scarcity",
        "restock",
        "promotion",
        "invoice",
        "quality_assurance",
        "product_info",
        "usage_help",
    }
)
# How sure the second bubble's reading must be before it is answered (a misread fragment would
# add a sentence about something nobody asked).
SECOND_REQUEST_CONFIDENCE = 0.85

# A tactic that is what the intent asks for is never held back as "already offered".
ANSWERS = {"shipping_time": {"shipping_cutoff"}, "stock_availability": {"stock_scarcity"}}

PRICE_INTENTS = ("price_objection", "compare_shops")
PRODUCT_INTENTS = ("stock_availability", "size_worry")
# Intents about an existing order: when nothing fits, the agent looks the order up.
ORDER_INTENTS = (
    "logistics_tracking",
    "refund_progress",
    "refund_intent",
    "address_change",
    "defect_complaint",
)


def draft_replies(
    understanding: Understanding,
    shop: Shop,
    now: datetime,
    *,
    history: Sequence[Turn] = (),
    order_value: float | None = None,
    product: str | None = None,
    order_status: str | None = None,
    seed: str = "",
) -> list[Draft]:
    """The one way to draft: the API's service and the Rasa action both call it.

    `now` must be timezone-aware; `history` is the conversation so far, oldest first (a reply's
    tactic is not offered again unless asked for); `product` names the item in question when the
    message does not (e.g. the product card the buyer came from); `order_status` is what the
    platform knows of the buyer's order, when it says; `seed` varies the phrasing per
    conversation."""
    understanding = request_first(understanding)
    ctx = build_context(
        understanding,
        shop,
        now,
        history=history,
        order_value=order_value,
        product=product,
        order_status=order_status,
        seed=seed,
    )
    if understanding.fallback and not asks_two_things(understanding):
        drafts = [*_asked_in_words(ctx), *clarify.propose(ctx), *handoff.propose(ctx)]
        return with_tone(ctx, _distinct(drafts)[:MAX_DRAFTS])
    offered = sent_tactics(history)
    drafts: list[Draft] = []
    for tactic in plan(ctx):
        if not fits(tactic, ctx) or (tactic in offered and not _asked_again(tactic, ctx)):
            continue
        drafts.extend(TACTICS[tactic](ctx))
        if len(drafts) >= MAX_DRAFTS:
            break
    drafts = drafts or _nothing_holds(ctx)
    if hesitates(ctx) and not asked_in_words(ctx) and not asks_two_things(understanding):
        drafts = [*_safe_on_every_likely_intent(ctx), *drafts]
    return with_tone(ctx, with_second_answer(ctx, _distinct(drafts)[:MAX_DRAFTS]))


def request_first(understanding: Understanding) -> Understanding:
    """ "人呢 人呢 台灯怎么调亮度": the model reads the message by its greetings, yet a bubble of
    its own asks for something, read with confidence: that request is what the draft answers
    (an impatient buyer still gets the apology, bot.tone)."""
    second = confident_second(understanding)
    if understanding.intent not in NO_REQUEST_INTENTS or second is None:
        return understanding
    rest = tuple(score for score in understanding.intent_ranking if score.name != second.name)
    return replace(
        understanding, intent_ranking=(second, *rest), second_intent=None, fallback=False
    )


def asks_two_things(understanding: Understanding) -> bool:
    """ "在吗 这个有货吗 能便宜点吗": the model hesitates between two intents because the message
    holds both, each in a bubble of its own read with confidence; both get an answer, no
    "which do you mean?"."""
    second = confident_second(understanding)
    top_two = [score.name for score in understanding.intent_ranking[:2]]
    return second is not None and second.name in top_two


def with_second_answer(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """The best draft also answers the message's second request in one sentence, when shop facts
    answer it (a stock level, the cutoff, a running promotion, the invoice types); a request only
    an agent can answer is left to the agent, who sees the second intent."""
    second = confident_second(ctx.understanding)
    if not drafts or second is None:
        return drafts
    answer = _second_answer(ctx, second)
    said = {draft.tactic for draft in drafts} | sent_tactics(ctx.history)
    if answer is None or answer.tactic in said:
        return drafts
    best = drafts[0]
    also = render(ctx.shop.templates, "also.join", f"{ctx.seed}|also", {})
    joined = replace(
        best,
        text=best.text + also + answer.text.removeprefix("亲，"),
        facts={**best.facts, "also": {"tactic": answer.tactic, **answer.facts}},
        needs_approval=best.needs_approval or answer.needs_approval,
        # after hours the shop answers only the intents it allows unattended: the second too
        auto_send_safe=best.auto_send_safe
        and answer.auto_send_safe
        and second.name in ctx.shop.unattended.allowed_intents,
    )
    return [joined, *drafts[1:]]


def confident_second(understanding: Understanding) -> IntentScore | None:
    """The message's second request, when its bubble was read with confidence."""
    second = understanding.second_intent
    if second is None or second.confidence < SECOND_REQUEST_CONFIDENCE:
        return None
    return second


def second_request(ctx: Context) -> str | None:
    second = confident_second(ctx.understanding)
    return second.name if second else None


def _second_answer(ctx: Context, second: IntentScore) -> Draft | None:
    """The best draft the second request would get on its own, when it states shop facts (a
    coupon, a question back or a supervisor is left to the agent, not replaced by a lesser fact:
    "炸锅怎么用" with no usage line gets no product description)."""
    understanding = replace(ctx.understanding, intent_ranking=(second,), second_intent=None)
    asked = replace(ctx, understanding=understanding)
    for tactic in plan(asked):
        if not fits(tactic, asked):
            continue
        drafts = TACTICS[tactic](asked)
        if drafts:
            return drafts[0] if _states_facts(asked, drafts[0]) else None
    return None


def _states_facts(ctx: Context, draft: Draft) -> bool:
    """A fact-stating tactic's draft that is no question back: "which product?" and a usage
    offer without the shop's usage or installation line are not answers."""
    if draft.tactic not in FACT_ANSWERS:
        return False
    if draft.tactic == "product_info":
        return ctx.product is not None
    if draft.tactic == "usage_help":
        return bool(draft.facts.get("usage") or draft.facts.get("installation"))
    return True


def _asked_in_words(ctx: Context) -> list[Draft]:
    """What an unsure message still says plainly: a gift question, an exchange to a named size
    ("收到有点小 能换40码吗"), a paid buyer's price drop ("昨天买的今天降了"). Each is answered
    before the clarifying question; the rest of the message stays unguessed."""
    for tactic, asked in (
        ("gift", ctx.mentions(*GIFT_WORDS)),
        ("refund_remedy", wants_exchange(ctx)),
        ("price_protection", ctx.stage.paid and ctx.mentions(*PRICE_DROP_WORDS)),
        ("usage_help", usage_help.asks(ctx)),
        ("defect_help", ctx.mentions(*DEFECT_WORDS)),
    ):
        if asked and fits(tactic, ctx):
            return TACTICS[tactic](ctx)
    if asks_delivery(ctx):
        return TACTICS["delivery_estimate"](ctx)
    if asks_payment_method(ctx):
        return TACTICS["payment_help"](ctx)
    if SHIPPED_QUESTION.search(ctx.understanding.text) and fits("order_shipping", ctx):
        return TACTICS["order_shipping"](ctx)
    if asks_stock(ctx):
        return [
            draft
            for tactic in PLANS["stock_availability"]
            if fits(tactic, ctx)
            for draft in TACTICS[tactic](ctx)
        ][:1]
    return []


def asks_stock(ctx: Context) -> bool:
    """ "<链接> 这个有110的吗": a size or colour of a product the shop sells, asked for."""
    named = ctx.understanding.first_value("size") or ctx.understanding.first_value("color")
    return ctx.product is not None and named is not None and ctx.mentions(*STOCK_WORDS)


def wants_exchange(ctx: Context) -> bool:
    """An exchange to a size the message names, from a buyer with an order or who says the size
    is wrong ("偏大 换40码"): a buyer who ordered, not a shopper choosing."""
    named = refund_reason.names_exchange_size(ctx)
    return named and (
        ctx.stage.has_order or ctx.mentions(*refund_reason.SIZE_WORDS, "有点小", "有点大")
    )


def asked_in_words(ctx: Context) -> bool:
    """The message says plainly what it asks, whatever the model's doubt: no question back."""
    return asks_delivery(ctx) or asks_payment_method(ctx) or asks_usage(ctx)


def asks_usage(ctx: Context) -> bool:
    """ "装不上 怎么配对": how to install or use it, in plain words."""
    return ctx.intent in USAGE_INTENTS and usage_help.asks(ctx)


def asks_payment_method(ctx: Context) -> bool:
    """ "花呗能用吗": whether the shop takes a way to pay, in plain words."""
    asked = PAYMENT_METHOD_QUESTION.search(ctx.understanding.text) is not None
    return asked and fits("payment_help", ctx)


def hesitates(ctx: Context) -> bool:
    """The model is not confident and names more than one likely topic."""
    return ctx.understanding.confidence < CONFIDENT and len(clarify.likely_topics(ctx)) >= 2


def _safe_on_every_likely_intent(ctx: Context) -> list[Draft]:
    """When every likely intent is about an existing order, the neutral look-up fits them all;
    otherwise a question that names the likely topics."""
    likely = [score.name for score in ctx.understanding.intent_ranking[: clarify.CHOICES]]
    if ctx.stage.has_order and all(intent in ORDER_INTENTS for intent in likely):
        return TACTICS["order_check"](ctx)
    return clarify.propose(ctx)


def _distinct(drafts: list[Draft]) -> list[Draft]:
    seen: set[str] = set()
    return [d for d in drafts if not (d.tactic in seen or seen.add(d.tactic))]


def plan(ctx: Context) -> tuple[str, ...]:
    """The tactics to try, best first: the intent's plan, after the question-routed ones."""
    intent_plan = PLANS.get(ctx.intent, ("clarify",))
    if ctx.mentions(*KEEP_ORDER_WORDS):
        return ("order_check",)
    if praises(ctx):
        return ("thanks",)
    if asks_payment_method(ctx):
        return ("payment_help",)
    if reports_order_done(ctx) or asks_if_shipped(ctx):
        return ("order_shipping", *intent_plan)
    if ctx.intent in ("out_of_scope", "greet") and greeting.asks_hours(ctx):
        return ("greeting",)
    if wants_exchange(ctx):
        # the buyer named the size they want: the exchange, not a sizing questionnaire
        return ("refund_remedy", "return_policy")
    if offer_check.coupon_fails(ctx) or (
        ctx.intent in PRICE_INTENTS and offer_check.claims_offer(ctx)
    ):
        # "优惠卷用不了", "主播说拍下返二十": look at it before offering anything new
        return ("offer_check", "handoff")
    if ctx.intent == "size_worry" and ctx.stage.has_order and ctx.mentions(*WRONG_SIZE_WORDS):
        # "码数拍小了": the order is in the wrong size; an exchange, not a size questionnaire
        return ("refund_remedy", "size_advice")
    if ctx.intent == "payment_issue" and ctx.mentions(*INVOICE_WORDS):
        # "先开票后付款行吗": the invoice answers it
        return ("invoice", "payment_help")
    if ctx.intent == "compare_shops" and promotion_beats_competitor(ctx):
        # "隔壁店台灯139": today's ¥129 sale price is the answer, not the after-sales pitch
        return ("promotion", *(tactic for tactic in intent_plan if tactic != "promotion"))
    if ctx.intent == "hesitation" and (
        hesitation.waits_for_sale(ctx) or hesitation.waits_for_money(ctx)
    ):
        # "等双十一再买", "等发工资": a running offer, else price protection, instalments or
        # patience; never "现在拍今天发"
        first = ("hesitation", "promotion") if hesitation.waits_for_money(ctx) else None
        return first or ("promotion", "hesitation")
    if asks_usage(ctx):
        # "怎么安装", "装不上", "能上门装吗": how to use it, not a description or a photo request
        return ("usage_help", *intent_plan)
    if ctx.intent in (*INFO_INTENTS, "ask_product_info") and ctx.mentions("自营"):
        return ("product_info",)
    if ctx.intent in INFO_INTENTS and ctx.product is not None and ctx.mentions(*INFO_WORDS):
        # "泳衣什么面料的 会不会褪色": the product's facts answer before a general reassurance
        return ("product_info", *(tactic for tactic in intent_plan if tactic != "product_info"))
    if ctx.intent == "out_of_scope" and ctx.order_id() is not None:
        # an order number with no question: the buyer wants that order looked at
        intent_plan = ("order_check",)
    if (
        ctx.intent not in PRICE_INTENTS
        and ctx.mentions(*PROMOTION_WORDS)
        and second_request(ctx) not in PRICE_INTENTS
    ):
        # "有活动吗" asked on its own; in a bubble of its own after another request, it is the
        # second request and gets its own sentence (with_second_answer)
        intent_plan = PLANS["price_objection"]
    if ctx.mentions(*GIFT_WORDS):
        return ("gift", *(tactic for tactic in intent_plan if tactic != "gift"))
    if asks_delivery(ctx):
        # "走什么快递", "发乌鲁木齐几天": the courier and the days answer it, the cutoff follows
        shipping = PLANS["shipping_time"]
        return (
            "delivery_estimate",
            *(tactic for tactic in shipping if tactic != "delivery_estimate"),
        )
    return intent_plan


def asks_delivery(ctx: Context) -> bool:
    """A courier question whatever the intent (the model often calls it out_of_scope), or a
    shipping question about the days to the buyer's place, before the parcel has left."""
    if not fits("delivery_estimate", ctx):
        return False
    return (
        delivery_estimate.asks_carrier(ctx)
        or delivery_estimate.asks_ship_days(ctx)
        or (
            ctx.intent == "shipping_time"
            and not ctx.understanding.fallback
            and delivery_estimate.asks_days(ctx)
        )
    )


def promotion_beats_competitor(ctx: Context) -> bool:
    competitor = ctx.number("competitor_price")
    if ctx.product is None or competitor is None or not fits("promotion", ctx):
        return False
    return current_price(ctx) <= competitor < ctx.product.price


def asks_if_shipped(ctx: Context) -> bool:
    """ "您好 请问一下 发货了吗 [订单x]": a buyer with an order asks whether it left, in a message
    the model reads as a greeting or a fragment."""
    return (
        ctx.intent in (*REPORT_INTENTS, "stock_availability")
        and SHIPPED_QUESTION.search(ctx.understanding.text) is not None
        and fits("order_shipping", ctx)
    )


def reports_order_done(ctx: Context) -> bool:
    """The buyer says they ordered or paid and asks nothing else."""
    return (
        ctx.intent in REPORT_INTENTS
        and order_shipping.reports_done(ctx)
        and fits("order_shipping", ctx)
    )


def praises(ctx: Context) -> bool:
    """Praise and nothing asked, nothing wrong: the buyer gets thanked."""
    text = ctx.understanding.text
    return (
        ctx.mentions(*PRAISE_WORDS)
        and not ctx.mentions(*DEFECT_WORDS, *BUT_WORDS)
        and QUESTION.search(text) is None
    )


def fits(tactic: str, ctx: Context) -> bool:
    """The tactic may speak at the buyer's stage (and, if it promises, on a confident intent)."""
    if ctx.stage.name not in STAGES_BY_TACTIC[tactic]:
        return False
    if tactic in PROMISES:
        return ctx.understanding.confidence >= CONFIDENT
    # "which product do you mean? send the link" is for shoppers, not for a buyer's order
    return tactic != "product_info" or ctx.product is not None or not ctx.stage.has_order


def with_tone(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """An upset buyer's first draft opens with an apology and an owner, unless it already does."""
    if not ctx.upset or not drafts or APOLOGY.search(drafts[0].text):
        return drafts
    best = drafts[0]
    opening = render(ctx.shop.templates, "tone.apology", f"{ctx.seed}|tone", {})
    text = opening + best.text.removeprefix("亲，")
    return [replace(best, text=text, facts={**best.facts, "apology": True}), *drafts[1:]]


def build_context(
    understanding: Understanding,
    shop: Shop,
    now: datetime,
    *,
    history: Sequence[Turn] = (),
    order_value: float | None = None,
    product: str | None = None,
    order_status: str | None = None,
    seed: str = "",
) -> Context:
    if now.tzinfo is None:
        raise ValueError("draft_replies needs a timezone-aware `now`")
    # the catalogue is the requesting shop's, matched now: the NLU model holds none
    understanding = with_catalogue(understanding, shop)
    remembered = remembered_entities(history, shop)
    return Context(
        understanding=understanding,
        shop=shop,
        now=now.astimezone(ZoneInfo(shop.hours.timezone)),
        seed=seed,
        order_value=order_value,
        product=_product(understanding, shop, product, remembered),
        history=tuple(history),
        stage=buyer_stage(understanding, history, order_status),
        remembered=remembered,
        upset=is_upset(understanding.text, history),
    )


def sent_tactics(history: Sequence[Turn]) -> set[str]:
    """The tactics of the replies the agent already sent in this conversation."""
    return {reply.tactic for turn in history for reply in turn.replies}


def _product(
    understanding: Understanding, shop: Shop, product: str | None, remembered: Sequence[Entity]
) -> Product | None:
    """The product the message names, else the product card's, else the latest one named
    earlier in the conversation, else the only one sold in the size (and colour) the message
    names ("90码的蓝色还有吗"). Never a guess among several, nor from a colour alone ("奶白色的
    沙发" is no white lamp): the buyer is asked which one."""
    earlier = [str(e.value) for e in reversed(remembered) if e.type == "product"]
    for name in (*map(str, understanding.entity_values("product")), product, *earlier):
        found = shop.product(name) if name else None
        if found is not None:
            return found
    return _only_product_in(understanding, shop)


def _only_product_in(understanding: Understanding, shop: Shop) -> Product | None:
    size, color = understanding.first_value("size"), understanding.first_value("color")
    if size is None:
        return None
    sold = [
        item
        for item in shop.products
        if any(
            (size is None or sku.size == str(size)) and (color is None or sku.color == str(color))
            for sku in item.skus
        )
    ]
    return sold[0] if len(sold) == 1 else None


def _asked_again(tactic: str, ctx: Context) -> bool:
    if tactic not in CUES:
        return True
    return tactic in ANSWERS.get(ctx.intent, ()) or ctx.mentions(*CUES[tactic])


def _nothing_holds(ctx: Context) -> list[Draft]:
    if ctx.intent in PRICE_INTENTS:
        return handoff.escalate(ctx)
    if ctx.intent in PRODUCT_INTENTS and ctx.product is None and not ctx.stage.has_order:
        return TACTICS["product_info"](ctx)
    if ctx.mentions(*DEFECT_WORDS):
        # "刚用两次就不亮了" read as another intent: the defect is what needs an answer
        return TACTICS["defect_help"](ctx)
    if ctx.stage.has_order or ctx.intent in ORDER_INTENTS:
        return TACTICS["order_check"](ctx)
    return clarify.propose(ctx)
