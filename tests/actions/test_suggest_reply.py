"""action_suggest_reply through a real rasa_sdk Tracker and CollectingDispatcher."""

from __future__ import annotations

from dataclasses import asdict

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.suggest_reply import ActionSuggestReply, history_of
from bot.drafting import draft_replies
from bot.nlu.understanding import understanding_from_parse
from bot.types import SentReply, Turn
from tests.bot_helpers import ROOT, SHOPS, at

SHOPS_DIR = ROOT / "data" / "shops"
NOW = at("2026-07-15 15:30")


def parse(intent, text, entities=(), confidence=0.92):
    return {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": [{"name": intent, "confidence": confidence}],
        "entities": [
            {"entity": name, "value": value, "text": str(value), "start": 0, "end": 1}
            for name, value in entities
        ],
    }


def tracker(latest, events=(), metadata=None, sender="conv-1"):
    latest = {**latest, "metadata": metadata or {}}
    return Tracker(sender, {}, latest, [*events, {"event": "user", "parse_data": latest}], False,
                   None, {}, "action_listen")  # fmt: skip


def run(latest, events=(), metadata=None):
    dispatcher = CollectingDispatcher()
    action = ActionSuggestReply(shops=SHOPS, clock=lambda: NOW)
    result = action.run(dispatcher, tracker(latest, events, metadata), {})
    return result, dispatcher.messages


def bot_event(tactic):
    return {"event": "bot", "text": "…", "data": {"custom": {"tactic": tactic, "drafts": []}}}


def test_name():
    assert ActionSuggestReply().name() == "action_suggest_reply"


def test_shipping_question_sends_best_draft_and_all_drafts():
    latest = parse("shipping_time", "今天能发吗")
    events, messages = run(latest, metadata={"shop_id": "demo"})
    drafts = draft_replies(understanding_from_parse(latest), SHOPS["demo"], NOW, seed="conv-1")
    assert events == []
    assert messages == [
        {
            "text": "亲，现在拍还来得及，16:00前付款的订单今天下午就给您发出～",
            "buttons": [],
            "elements": [],
            "custom": {
                "drafts": [asdict(draft) for draft in drafts],
                "tactic": "shipping_cutoff",
                "intent": "shipping_time",
                "fallback": False,
                "handoff": False,
                "auto_sent": False,
                "after_hours": None,
            },
            "template": None,
            "response": None,
            "image": None,
            "attachment": None,
        }
    ]
    assert [draft["tactic"] for draft in messages[0]["custom"]["drafts"]] == [
        "shipping_cutoff",
        "delivery_estimate",
    ]


def test_shop_id_defaults_to_demo_and_order_value_comes_from_metadata():
    _, messages = run(parse("hesitation", "再考虑下"), metadata={"order_value": 250})
    tactics = [draft["tactic"] for draft in messages[0]["custom"]["drafts"]]
    assert tactics == ["promotion", "shipping_cutoff", "gift"]


def test_other_shop_from_metadata():
    _, messages = run(parse("payment_issue", "能货到付款吗"), metadata={"shop_id": "jdhome"})
    assert "货到付款" in messages[0]["text"]
    assert messages[0]["custom"]["drafts"][0]["facts"]["cash_on_delivery"] is False


def test_tactic_sent_earlier_is_not_offered_again():
    latest = parse("price_objection", "还能便宜吗", [("product", "儿童泳衣")])
    _, messages = run(latest, events=[bot_event("promotion")])
    assert messages[0]["custom"]["tactic"] == "coupon"


def test_history_pairs_each_buyer_message_with_the_replies_sent():
    events = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "太贵了", "parse_data": {}},
        bot_event("promotion"),
        {"event": "bot", "text": "plain utterance", "data": {}},
        bot_event("coupon"),
        {"event": "user", "text": "订单号123456789012", "parse_data": {}},
        {"event": "user", "text": "还能便宜吗", "parse_data": {}},
    ]
    assert history_of(events) == [
        Turn("太贵了", (SentReply("promotion", "…"), SentReply("coupon", "…"))),
        Turn("订单号123456789012"),
    ]


def test_nlu_fallback_sends_clarify_and_flags_handoff():
    latest = {**parse("nlu_fallback", "嗯嗯那个", confidence=0.3)}
    latest["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.7},
        {"name": "price_objection", "confidence": 0.3},
    ]
    _, messages = run(latest)
    custom = messages[0]["custom"]
    assert (custom["fallback"], custom["handoff"], custom["intent"]) == (
        True,
        True,
        "price_objection",
    )
    assert [draft["tactic"] for draft in custom["drafts"]] == ["clarify", "handoff"]


def test_unknown_shop_reports_an_error_and_no_drafts():
    events, messages = run(parse("greet", "在吗"), metadata={"shop_id": "nope"})
    assert events == []
    assert [message["custom"] for message in messages] == [{"error": "unknown shop 'nope'"}]
    assert messages[0]["text"] is None


def test_default_action_loads_shops_from_env(monkeypatch, tmp_path):
    (tmp_path / "demo.yml").write_text(
        (SHOPS_DIR / "demo.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.setenv("HUASHU_SHOPS_DIR", str(tmp_path))
    assert list(ActionSuggestReply().shops()) == ["demo"]


def test_order_status_from_metadata_reaches_the_drafts():
    latest = parse("price_objection", "能便宜点吗", [("product", "儿童泳衣")])
    _, messages = run(latest, metadata={"order_status": "paid"})
    assert [d["tactic"] for d in messages[0]["custom"]["drafts"]] == ["price_protection"]


def test_unknown_order_status_reports_an_error_and_no_drafts():
    _, messages = run(parse("greet", "在吗"), metadata={"order_status": "lost"})
    assert [message["custom"] for message in messages] == [{"error": "unknown order status 'lost'"}]
