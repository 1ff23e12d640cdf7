"""Greeting, thanks, a no-pressure reply to hesitation, handoff and the neutral clarification."""

from __future__ import annotations

import pytest

from bot.tactics import clarify, greeting, handoff, hesitation, thanks
from bot.types import Draft
from tests.bot_helpers import context


@pytest.mark.parametrize(
    "shop_id, text",
    [
        ("demo", "亲，您好～我在的，您看中哪款了？"),
        ("jdhome", "您好，欢迎光临京选数码家居京东自营店，有什么可以帮您？"),
    ],
)
def test_greeting_uses_shop_templates(shop_id, text):
    [draft] = greeting.propose(context(shop_id, "greet", "在吗"))
    assert draft.text == text


def test_greeting_phrasing_is_deterministic_per_conversation():
    first = greeting.propose(context("demo", "greet"))[0].text
    assert [greeting.propose(context("demo", "greet"))[0].text for _ in range(5)] == [first] * 5


def test_thanks_and_hesitation_are_safe():
    for tactic, intent in ((thanks, "thanks"), (hesitation, "hesitation")):
        [draft] = tactic.propose(context("demo", intent))
        assert (draft.facts, draft.auto_send_safe) == ({}, True)


@pytest.mark.parametrize(
    "text, fallback, reason",
    [
        ("转人工", False, "request_human"),
        ("我要投诉你们", False, "complaint"),
        ("？？", True, "low_confidence"),
    ],
)
def test_handoff_reasons(text, fallback, reason):
    ctx = context("demo", "request_human", text)
    if fallback:
        ctx = context("demo", "out_of_scope", text)
        ctx = type(ctx)(**{**ctx.__dict__, "understanding": _fallback(ctx.understanding)})
    [draft] = handoff.propose(ctx)
    assert (draft.tactic, draft.facts, draft.auto_send_safe) == (
        "handoff",
        {"reason": reason},
        False,
    )


def test_escalation_needs_approval():
    assert handoff.escalate(context("demo")) == [
        Draft(
            text="亲，我这边权限有限，帮您请示一下主管，稍等我回复您～",
            tactic="handoff",
            facts={"reason": "price_escalation"},
            needs_approval=True,
            auto_send_safe=False,
        )
    ]


def test_clarify_is_neutral():
    [draft] = clarify.propose(context("jdhome", "out_of_scope", "今天天气不错"))
    assert draft.facts == {"confidence": 0.93}
    assert not any(word in draft.text for word in ("券", "活动", "送", "¥"))


def _fallback(understanding):
    from dataclasses import replace

    return replace(understanding, fallback=True)
