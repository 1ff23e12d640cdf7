"""The after-hours decision with the demo shop and a fixed clock: which intent families are
answered unattended, why the others get the holding message, and the burst rule."""

from __future__ import annotations

import dataclasses

import pytest

from bot.afterhours import AWAY, HELD, SUGGEST, Decision, decide, hold_repeat
from bot.drafting import draft_replies
from bot.intents import INTENTS
from bot.tactics.away import back_at
from bot.types import Draft
from tests.bot_helpers import SHOPS, at, understand

DEMO = SHOPS["demo"]
# Tuesday 03:00 in Shanghai: closed, reopens at 09:00
CLOSED = at("2026-07-14 03:00")
AWAY_TEXT = "亲，客服今天09:00上班，您的留言我们已经记下，上线后会按顺序第一时间回复您哦～"


def decision_for(intent, text, shop=DEMO, now=CLOSED, confidence=0.93, fallback=False):
    understanding = understand(intent, text, confidence=confidence, fallback=fallback)
    drafts = draft_replies(understanding, shop, now, seed="c1")
    return decide(understanding, drafts, shop, now, seed="c1")


@pytest.mark.parametrize(
    "intent, text, expected",
    [
        # facts the shop file states: answered
        ("shipping_time", "今天能发吗", "亲，现在付款赶得上上午发货哦（10:00前付款的上午发出）～"),
        ("thanks", "好的谢谢", "不客气亲～有问题随时找我们，祝您生活愉快！"),
        (
            "invoice_request",
            "能开发票吗",
            "亲，可以开电子普通发票，确认收货后3个工作日内开好发您，下单时备注抬头就行～",
        ),
        ("ask_product_info", "能调色温吗", "亲，麻烦发一下您看中的商品，我给您仔细说说～"),
        (
            "quality_worry",
            "是正品吗",
            "亲，放心哦，所有商品均为品牌正品，支持专柜验货，而且质量问题一年内免费换新，店铺评分4.9～",
        ),
        # price, hesitation, after-sales, hand-over, unclear: the holding message
        ("price_objection", "能便宜点吗", AWAY_TEXT),
        ("compare_shops", "别家才3800", AWAY_TEXT),
        ("hesitation", "我再考虑一下", AWAY_TEXT),
        ("refund_intent", "我要退货", AWAY_TEXT),
        ("refund_progress", "退款什么时候到", AWAY_TEXT),
        ("defect_complaint", "收到的泳圈漏气", AWAY_TEXT),
        ("logistics_tracking", "快递到哪了", AWAY_TEXT),
        ("address_change", "地址写错了", AWAY_TEXT),
        ("request_human", "转人工", AWAY_TEXT),
        ("greet", "在吗", AWAY_TEXT),
        ("out_of_scope", "你是机器人吗", AWAY_TEXT),
    ],
)
def test_reply_per_intent_family_while_closed(intent, text, expected):
    decision = decision_for(intent, text)
    assert decision.reply.text == expected
    assert decision.auto_sent is True
    assert decision.reopens_at == at("2026-07-14 09:00")


def test_allowed_reply_is_logged_with_why():
    decision = decision_for("thanks", "好的谢谢")
    assert (decision.mode, decision.reason_code, decision.reply.tactic) == (
        "auto_reply",
        "allowed",
        "thanks",
    )
    assert decision.reason == (
        "closed; intent thanks is allowed unattended, confidence 0.93 >= 0.80, "
        "and the thanks draft is auto-send safe"
    )


@pytest.mark.parametrize(
    "kwargs, code, reason",
    [
        (
            {"intent": "price_objection", "text": "能便宜点吗"},
            "intent_not_allowed",
            "closed; intent price_objection is not answered unattended",
        ),
        (
            {"intent": "thanks", "text": "好的谢谢", "confidence": 0.79},
            "low_confidence",
            "closed; confidence 0.79 of thanks is below the unattended threshold 0.80",
        ),
        (
            {"intent": "thanks", "text": "好的谢谢", "confidence": 0.4, "fallback": True},
            "fallback",
            "closed; the model is unsure of the message (0.40)",
        ),
    ],
)
def test_refusal_reasons(kwargs, code, reason):
    decision = decision_for(**kwargs)
    assert (decision.mode, decision.reason_code, decision.reason) == (AWAY, code, reason)
    assert decision.reply.tactic == "away"


def test_confidence_at_the_threshold_is_enough():
    assert decision_for("thanks", "好的谢谢", confidence=0.8).mode == "auto_reply"


# A shop that allows every intent: the drafts themselves must still stop what is discretionary
# (gifts, price matches, refund remedies) or promises an agent's action (handover, parcel check).
EVERYTHING = dataclasses.replace(
    DEMO, unattended=dataclasses.replace(DEMO.unattended, allowed_intents=frozenset(INTENTS))
)


@pytest.mark.parametrize(
    "intent, text, tactic",
    [
        ("request_human", "转人工", "handoff"),
        ("logistics_tracking", "快递到哪了", "logistics"),
        ("refund_progress", "退款什么时候到", "refund_status"),
        ("address_change", "地址写错了", "address_confirm"),
        ("defect_complaint", "收到的泳圈漏气", "defect_help"),
        # regression: jdhome allowed greet, and its greeting says "客服在线" at night
        ("greet", "在吗", "greeting"),
    ],
)
def test_unsafe_drafts_are_never_auto_sent_even_when_allowed(intent, text, tactic):
    understanding = understand(intent, text)
    drafts = draft_replies(understanding, EVERYTHING, CLOSED, seed="c1")
    decision = decide(understanding, drafts, EVERYTHING, CLOSED, seed="c1")
    assert (drafts[0].tactic, decision.mode, decision.reason_code) == (
        tactic,
        AWAY,
        "draft_not_safe",
    )
    assert decision.reason == f"closed; the {tactic} draft is not safe to send unattended"


@pytest.mark.parametrize("tactic", ["gift", "price_match", "refund_remedy", "handoff"])
def test_discretionary_tactics_are_held_back_even_if_a_draft_says_safe(tactic):
    # regression guard: the decision must not rest on one template's auto_send_safe flag
    understanding = understand("price_objection", "能便宜点吗")
    draft = Draft("亲，送您一份小礼物～", tactic, needs_approval=False, auto_send_safe=True)
    assert decide(understanding, [draft], EVERYTHING, CLOSED, "c1").reason_code == "draft_not_safe"


def test_coupon_beyond_the_unattended_limit_is_not_sent():
    # the laptop's best coupon within the agent's authority (20) is above the unattended 5
    understanding = understand("price_objection", "能便宜点吗", product="笔记本电脑")
    drafts = [d for d in draft_replies(understanding, EVERYTHING, CLOSED) if d.tactic == "coupon"]
    assert drafts and drafts[0].facts["value"] > EVERYTHING.unattended.coupon_max
    assert decide(understanding, drafts, EVERYTHING, CLOSED, seed="c1").reason_code == (
        "draft_not_safe"
    )


def test_open_shop_suggests_only():
    decision = decision_for("thanks", "好的谢谢", now=at("2026-07-14 10:00"))
    assert decision == Decision(SUGGEST, "open", "the shop is open: drafts go to the agent")
    assert decision.auto_sent is False


def test_burst_rule_holds_a_second_holding_message():
    away = decision_for("price_objection", "能便宜点吗")
    assert hold_repeat(away, away_already_sent=False) is away
    held = hold_repeat(away, away_already_sent=True)
    assert (held.mode, held.reply, held.auto_sent, held.reason_code) == (
        HELD,
        None,
        False,
        "away_already_sent",
    )
    assert held.reopens_at == away.reopens_at


def test_burst_rule_never_holds_an_answer():
    answer = decision_for("thanks", "好的谢谢")
    assert hold_repeat(answer, away_already_sent=True) is answer


@pytest.mark.parametrize(
    "now, reopens, expected",
    [
        ("2026-07-14 03:00", "2026-07-14 09:00", "今天09:00"),
        ("2026-07-14 23:30", "2026-07-15 09:00", "明天09:00"),
        ("2026-07-18 23:30", "2026-07-20 09:00", "后天09:00"),
        ("2026-09-30 23:30", "2026-10-08 09:00", "10月8日09:00"),
    ],
)
def test_holding_message_says_when_agents_are_back(now, reopens, expected):
    assert back_at(at(now), at(reopens)) == expected
