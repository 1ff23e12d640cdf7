"""suggest_drafts runs the same action in-process and returns the same Draft objects."""

from __future__ import annotations

import pytest

from actions.inprocess import UnknownShopError, build_tracker, suggest_drafts
from bot.drafting import draft_replies
from bot.nlu.understanding import understanding_from_parse
from tests.bot_helpers import SHOPS, at

NOW = at("2026-07-15 16:30")
PARSE = {
    "text": "太贵了",
    "intent": {"name": "price_objection", "confidence": 0.9},
    "intent_ranking": [{"name": "price_objection", "confidence": 0.9}],
    "entities": [{"entity": "product", "value": "笔记本", "text": "笔记本", "start": 0, "end": 3}],
}


def test_same_drafts_as_the_engine():
    drafts = suggest_drafts(PARSE, "demo", [], None, NOW, SHOPS, sender_id="c9")
    expected = draft_replies(understanding_from_parse(PARSE), SHOPS["demo"], NOW, seed="c9")
    assert drafts == expected
    assert [draft.tactic for draft in drafts] == ["promotion", "coupon", "service_value"]


def test_previous_bot_events_hold_back_sent_tactics():
    events = [{"event": "bot", "text": "…", "data": {"custom": {"tactic": "promotion"}}}]
    drafts = suggest_drafts(PARSE, "demo", events, None, NOW, SHOPS)
    assert [draft.tactic for draft in drafts] == ["coupon", "service_value", "gift"]


def test_order_value_and_product_reach_the_engine():
    parse = {**PARSE, "entities": [], "text": "再便宜点"}
    drafts = suggest_drafts(parse, "jdhome", [], 6999, NOW, SHOPS, product="gaming-laptop")
    assert [(d.tactic, d.facts.get("coupon_id")) for d in drafts] == [
        ("coupon", "J30"),
        ("service_value", None),
        ("gift", None),
    ]


def test_unknown_shop_is_a_clear_error():
    with pytest.raises(UnknownShopError, match="unknown shop 'nope'; known shops: demo, jdhome"):
        suggest_drafts(PARSE, "nope", [], None, NOW, SHOPS)


def test_tracker_carries_metadata_and_events():
    tracker = build_tracker(PARSE, "demo", [{"event": "action", "name": "x"}], 0, "c1")
    assert tracker.latest_message["metadata"] == {"shop_id": "demo", "order_value": 0}
    assert [event["event"] for event in tracker.events] == ["action", "user"]
    assert tracker.sender_id == "c1"
