"""The after-hours reply through Rasa (`rasa run` + `rasa run actions`): action_suggest_reply with
a real rasa_sdk Tracker and CollectingDispatcher, the demo shop closed, the clock fixed."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.suggest_reply import ActionSuggestReply
from bot.settings import FOLLOWUP_DB_ENV
from bot.store import Store
from tests.actions.test_suggest_reply import parse
from tests.bot_helpers import SHOPS, at

NIGHT = at("2026-07-14 03:00")
NEXT_NIGHT = at("2026-07-15 03:00")
AWAY = "亲，客服今天09:00上班，您的留言我们已经记下，上线后会按顺序第一时间回复您哦～"
THANKS = "应该的亲～有需要随时联系哦！"


def run(latest, now, events=()):
    """The dispatched message and the bot event Rasa would record for it."""
    latest = {**latest, "metadata": {"shop_id": "demo"}}
    tracker = Tracker("conv-1", {}, latest, [*events, {"event": "user", "parse_data": latest}],
                      False, None, {}, "action_listen")  # fmt: skip
    dispatcher = CollectingDispatcher()
    assert ActionSuggestReply(shops=SHOPS, clock=lambda: now).run(dispatcher, tracker, {}) == []
    [message] = dispatcher.messages
    bot_event = {"event": "bot", "text": message["text"], "data": {"custom": message["custom"]}}
    return message, [*tracker.events, bot_event]


def test_safe_question_is_answered_and_marked_auto_sent():
    message, _ = run(parse("thanks", "好的谢谢"), NIGHT)
    assert message["text"] == THANKS
    assert message["custom"]["auto_sent"] is True
    assert message["custom"]["tactic"] == "thanks"
    assert message["custom"]["after_hours"] == {
        "mode": "auto_reply",
        "reason_code": "allowed",
        "reason": "closed; intent thanks is allowed unattended, confidence 0.92 >= 0.80, "
        "and the thanks draft is auto-send safe",
        "reopens_at": "2026-07-14T09:00:00+08:00",
    }


def test_price_question_gets_the_holding_message_with_the_drafts_for_the_agent():
    message, _ = run(parse("price_objection", "能便宜点吗"), NIGHT)
    assert (message["text"], message["custom"]["tactic"]) == (AWAY, "away")
    assert message["custom"]["after_hours"]["reason_code"] == "intent_not_allowed"
    assert message["custom"]["drafts"][0]["tactic"] == "promotion"


def test_burst_through_rasa_gets_one_holding_message():
    first, events = run(parse("price_objection", "能便宜点吗"), NIGHT)
    second, events = run(parse("request_human", "转人工"), NIGHT, events)
    third, _ = run(parse("thanks", "好的谢谢"), NIGHT, events)
    assert [m["text"] for m in (first, second, third)] == [AWAY, None, THANKS]
    assert [m["custom"]["after_hours"]["mode"] for m in (first, second, third)] == [
        "away",
        "held",
        "auto_reply",
    ]
    assert (second["custom"]["auto_sent"], second["custom"]["tactic"]) == (False, None)


def test_next_night_gets_a_new_holding_message():
    _, events = run(parse("price_objection", "能便宜点吗"), NIGHT)
    message, _ = run(parse("price_objection", "能便宜点吗"), NEXT_NIGHT, events)
    assert message["text"] == AWAY
    assert message["custom"]["after_hours"]["reopens_at"] == "2026-07-15T09:00:00+08:00"


def test_open_shop_sends_the_best_draft_as_before():
    message, _ = run(parse("price_objection", "能便宜点吗"), at("2026-07-14 10:00"))
    assert message["text"] == message["custom"]["drafts"][0]["text"]
    assert (message["custom"]["auto_sent"], message["custom"]["after_hours"]) == (False, None)


@pytest.fixture
def followup_db(tmp_path, monkeypatch):
    path = tmp_path / "huashu.db"
    monkeypatch.setenv(FOLLOWUP_DB_ENV, str(path))
    return path


def queued(path, now):
    store = Store.open(path, now)
    try:
        return store.followups.open_followups("demo")
    finally:
        store.close()


def test_action_server_queues_closed_messages_for_the_agents(followup_db):
    first, events = run(parse("price_objection", "能便宜点吗"), NIGHT)
    second, _ = run(parse("thanks", "好的谢谢"), NIGHT, events)
    [followup] = queued(followup_db, NIGHT)
    assert followup.conversation_id == "conv-1"
    assert [(e.message, e.mode, e.reply_text) for e in followup.entries] == [
        ("能便宜点吗", "away", AWAY),
        ("好的谢谢", "auto_reply", THANKS),
    ]
    assert followup.entries[0].suggested_draft.tactic == "promotion"
    assert (first["text"], second["text"]) == (AWAY, THANKS)


def test_queued_burst_rule_holds_the_second_holding_message(followup_db):
    # the queue, not the tracker, knows the holding message went out: no events are passed on
    run(parse("price_objection", "能便宜点吗"), NIGHT)
    message, _ = run(parse("request_human", "转人工"), NIGHT)
    assert (message["text"], message["custom"]["after_hours"]["mode"]) == (None, "held")


def test_nothing_is_queued_while_open(followup_db):
    run(parse("price_objection", "能便宜点吗"), at("2026-07-14 10:00"))
    assert queued(followup_db, NIGHT) == []
