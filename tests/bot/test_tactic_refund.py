"""Seeds 001: ask the reason before a refund, then the remedy for that reason, then the policy as it
is; refund progress from the shop's refund timing."""

from __future__ import annotations

import pytest

from bot.tactics import refund_reason, refund_remedy, refund_status, return_policy
from tests.bot_helpers import context


@pytest.mark.parametrize("shop_id", ["demo", "jdhome"])
def test_no_reason_given_ask_for_it(shop_id):
    [draft] = refund_reason.propose(context(shop_id, "refund_intent", "我要退货"))
    assert (draft.tactic, draft.facts, draft.auto_send_safe) == ("refund_reason", {}, True)
    assert "原因" in draft.text or "哪里不满意" in draft.text
    assert refund_remedy.propose(context(shop_id, "refund_intent", "我要退货")) == []


@pytest.mark.parametrize(
    "shop_id, text, remedy_fact",
    [
        ("demo", "泳衣小了我要退", {"returns": "支持7天无理由退换，退货运费由我们承担"}),
        ("jdhome", "T恤偏大想退", {"returns": "支持7天无理由退换，退货运费需您承担"}),
        ("demo", "台灯坏了退货", {"compensation_max": 10}),
        ("jdhome", "耳机质量太差退了", {"compensation_max": 20}),
        ("demo", "不会用，退了吧", {}),
    ],
)
def test_stated_reason_gets_remedy_not_question(shop_id, text, remedy_fact):
    assert refund_reason.propose(context(shop_id, "refund_intent", text)) == []
    [draft] = refund_remedy.propose(context(shop_id, "refund_intent", text))
    assert draft.facts == remedy_fact


def test_compensation_is_discretionary_and_within_authority():
    [draft] = refund_remedy.propose(context("demo", "refund_intent", "收到是坏的我要退"))
    assert (draft.needs_approval, draft.auto_send_safe) == (False, False)
    assert "10元" in draft.text


@pytest.mark.parametrize(
    "shop_id, text",
    [
        ("demo", "亲，咱们支持7天无理由退换，退货运费由我们承担～"),
        ("jdhome", "亲，咱们支持7天无理由退换，非质量问题退回运费需要您承担哦～"),
    ],
)
def test_return_policy_as_the_profile_says(shop_id, text):
    [draft] = return_policy.propose(context(shop_id, "refund_intent", "怎么退"))
    assert draft.text == text


@pytest.mark.parametrize(
    "shop_id, entities, facts",
    [
        ("demo", {}, {"refund_days": "1-3个工作日"}),
        ("jdhome", {"order_id": "2871234"}, {"refund_days": "1-7个工作日", "order_id": "2871234"}),
    ],
)
def test_refund_status(shop_id, entities, facts):
    [draft] = refund_status.propose(
        context(shop_id, "refund_progress", "退款什么时候到", **entities)
    )
    assert draft.facts == facts
    assert all(str(value) in draft.text for value in facts.values())
