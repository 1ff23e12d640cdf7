"""POST /v1/suggest: the model's reading of the message and the drafts, as logged."""

from __future__ import annotations

import json

import pytest

from tests.api.conftest import suggest

SHIPS_THIS_AFTERNOON = {
    "text": "亲，现在拍还来得及，16:00前付款的订单今天下午就给您发出～",
    "tactic": "shipping_cutoff",
    "facts": {"now": "2025-03-03T10:00:00+08:00", "cutoff": "16:00", "ships": "afternoon"},
    "needs_approval": False,
    "auto_send_safe": True,
}
DELIVERY = {
    "text": "亲，默认发中通、韵达，正常2-4天能到哦～",
    "tactic": "delivery_estimate",
    "facts": {"carriers": ["中通", "韵达"], "fulfilment": "third_party", "days": "2-4"},
    "needs_approval": False,
    "auto_send_safe": True,
}


def top_intents(nlu_model, text):
    ranking = [r for r in nlu_model.parse(text)["intent_ranking"] if r["name"] != "nlu_fallback"]
    return [{"name": r["name"], "confidence": round(r["confidence"], 4)} for r in ranking[:3]]


def with_ids(response_drafts, expected):
    assert len(response_drafts) == len(expected)
    return [
        {"draft_id": got["draft_id"], **want}
        for got, want in zip(response_drafts, expected, strict=True)
    ]


def test_suggest_reads_the_message_and_drafts_replies(client, demo, nlu_model):
    body = suggest(client, demo, "今天能发吗")
    assert body == {
        "suggestion_id": body["suggestion_id"],
        "conversation_id": "c1",
        "intent": "shipping_time",
        "intent_ranking": top_intents(nlu_model, "今天能发吗"),
        "entities": [{"type": "date_time", "value": "今天", "text": "今天", "start": 0, "end": 2}],
        "fallback": False,
        "model_version": "test-session",
        "created_at": "2025-03-03T10:00:00+08:00",
        "drafts": with_ids(body["drafts"], [SHIPS_THIS_AFTERNOON, DELIVERY]),
    }
    assert body["intent_ranking"][0]["name"] == "shipping_time"
    assert len(body["intent_ranking"]) == 3
    assert len({draft["draft_id"] for draft in body["drafts"]}) == 2


def test_drafts_reason_about_when_the_buyer_wrote(client, demo):
    body = suggest(client, demo, "今天能发吗", sent_at="2025-03-03T17:45:00+08:00")
    assert body["drafts"][0] == {
        "draft_id": body["drafts"][0]["draft_id"],
        "text": "亲，今天的发货已经截止了，现在拍下明天给您优先发出～",
        "tactic": "shipping_cutoff",
        "facts": {
            "now": "2025-03-03T17:45:00+08:00",
            "cutoff": "16:00",
            "ships": "next_ship_day",
            "ship_day": "2025-03-04",
            "day": "明天",
        },
        "needs_approval": False,
        "auto_send_safe": True,
    }


# Nonsense the model should be unsure about; which one falls below the threshold depends on the
# training data, so the test takes the first the session's model flags.
NONSENSE = ("xyzzy", "阿斯顿发文", "qwerty asdf", "嗯啊哦咦")


def test_unsure_model_flags_fallback_and_offers_to_clarify(client, demo, nlu_model):
    flagged = [t for t in NONSENSE if nlu_model.parse(t)["intent"]["name"] == "nlu_fallback"]
    if not flagged:
        pytest.fail(f"the model is sure about every probe in {NONSENSE}; add a vaguer one")
    body = suggest(client, demo, flagged[0])
    best = top_intents(nlu_model, flagged[0])[0]["name"]
    assert (body["fallback"], body["intent"]) == (True, best)
    assert [draft["tactic"] for draft in body["drafts"]] == ["clarify", "handoff"]
    assert [draft["auto_send_safe"] for draft in body["drafts"]] == [False, False]


def test_message_of_2000_characters_is_taken_and_stored_whole(client, demo):
    message = "能便宜点吗" * 400
    suggest(client, demo, message)
    stored = client.get("/v1/conversations/c1", headers=demo).json()["messages"][0]["message"]
    assert stored == message


def test_html_and_sql_are_stored_and_returned_verbatim(client, demo):
    message = "<b>能便宜点吗</b>'); DROP TABLE messages;--"
    conversation = "<img src=x onerror=alert(1)>"
    suggest(client, demo, message, conversation=conversation)
    view = client.get(f"/v1/conversations/{conversation}", headers=demo)
    assert view.status_code == 200
    assert view.json()["messages"][0]["message"] == message
    assert view.json()["conversation_id"] == conversation


def test_parse_shows_the_full_ranking_and_logs_nothing(client, demo, nlu_model):
    response = client.post("/v1/parse", json={"text": "别家才3800"}, headers=demo)
    ranking = [
        r for r in nlu_model.parse("别家才3800")["intent_ranking"] if r["name"] != "nlu_fallback"
    ]
    assert response.status_code == 200
    assert response.json() == {
        "text": "别家才3800",
        "intent": "compare_shops",
        "intent_ranking": [
            {"name": r["name"], "confidence": round(r["confidence"], 4)} for r in ranking
        ],
        "entities": [
            {"type": "competitor_price", "value": 3800, "text": "3800", "start": 3, "end": 7}
        ],
        "fallback": False,
        "model_version": "test-session",
    }
    assert client.get("/v1/stats", headers=demo).json()["by_intent"] == []


@pytest.mark.parametrize("path", ["/v1/suggest", "/v1/messages"])
def test_the_body_is_compact_utf8_json(client, demo, path):
    """The hot routes serialise their response model once (api/responses.py); the bytes are
    what FastAPI's own JSON response would send."""
    response = client.post(
        path, json={"conversation_id": "c9", "message": "能便宜点吗"}, headers=demo
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    compact = json.dumps(response.json(), ensure_ascii=False, separators=(",", ":"))
    assert response.content.decode("utf-8") == compact
    assert "亲" in compact
