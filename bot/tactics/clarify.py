"""A question back when the message is unclear: no sales tactic on a guess. It names what it
needs: the likely topics when the model hesitates between intents, the order's side when there is
an order; an upset buyer gets an apology and an owner first, never "didn't understand"."""

from __future__ import annotations

import re

from bot.tactics.context import Context
from bot.types import Draft

# A product link pasted with (almost) nothing else: the buyer asks about that product
LINK = re.compile(r"\[链接[^\]]{0,8}\]|<url>|https?://\S+")
# A picture or video sent with (almost) nothing else: the chat window's placeholder for it
MEDIA = re.compile(r"\[(?:图片|视频|图|image|img)\d*\]|<(?:img|image|video)>")
# What may stand beside a link or a picture: "这个", "看下", punctuation
_ALMOST_NOTHING = 4
_PUNCTUATION = re.compile(r"[\s,，。.!！?？~～]")

# What each intent is about, in the buyer's words, for "您是想问A还是B呢".
TOPICS = {
    "price_objection": "优惠价格",
    "compare_shops": "价格",
    "shipping_time": "发货时间",
    "size_worry": "尺码",
    "refund_intent": "退换货",
    "ask_product_info": "商品详情",
    "stock_availability": "有没有货",
    "quality_worry": "质量",
    "payment_issue": "付款",
    "invoice_request": "发票",
    "address_change": "改地址",
    "logistics_tracking": "物流",
    "refund_progress": "退款进度",
    "defect_complaint": "商品问题",
}
CHOICES = 3
# Intents under this share of the top one's confidence are not offered as a choice.
CHOICE_RATIO = 0.25


def propose(ctx: Context) -> list[Draft]:
    key, facts = _variant(ctx)
    facts |= {"confidence": round(ctx.understanding.confidence, 2)}
    safe = not ctx.understanding.fallback and not ctx.upset
    return [ctx.draft("clarify", key, facts, needs_approval=False, auto_send_safe=safe)]


def _variant(ctx: Context) -> tuple[str, dict]:
    if ctx.upset:
        return "clarify.upset", {}
    if only_a_link(ctx.understanding.text):
        return "clarify.link", {}
    if only_media(ctx.understanding.text):
        video = re.search(r"视频|video", ctx.understanding.text)
        return "clarify.picture", {"media": "视频" if video else "图片"}
    topics = likely_topics(ctx)
    if len(topics) >= 2:
        return "clarify.choices", {"choices": "、".join(topics[:-1]) + "还是" + topics[-1]}
    if ctx.stage.has_order:
        return "clarify.order", {}
    return "clarify.neutral", {}


def likely_topics(ctx: Context) -> list[str]:
    """The topics of the top intents the model hesitates between, best first."""
    ranking = ctx.understanding.intent_ranking
    if not ranking:
        return []
    floor = ranking[0].confidence * CHOICE_RATIO
    topics: list[str] = []
    for score in ranking[:CHOICES]:
        topic = TOPICS.get(score.name)
        if topic and topic not in topics and score.confidence >= floor:
            topics.append(topic)
    return topics


def only_a_link(text: str) -> bool:
    return _almost_only(LINK, text)


def only_media(text: str) -> bool:
    """ "[图片]", "[图片] 这个": the agent sees the picture; the draft says so and asks what it
    is about, instead of "which topic do you mean"."""
    return _almost_only(MEDIA, text)


def _almost_only(pattern: re.Pattern, text: str) -> bool:
    rest = pattern.sub("", text)
    return rest != text and len(_PUNCTUATION.sub("", rest)) <= _ALMOST_NOTHING
