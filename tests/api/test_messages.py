"""POST /v1/messages and the follow-up queue, with the demo shop's real hours, the session's
trained model, a real SQLite file and a clock the test moves between open and closed."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.api.conftest import NOW

# Tuesday 03:00 in Shanghai (Monday 19:00 UTC): closed, agents back at 09:00
NIGHT = datetime(2025, 3, 3, 19, 0, tzinfo=timezone.utc)
NEXT_NIGHT = datetime(2025, 3, 4, 19, 0, tzinfo=timezone.utc)
AWAY_TEXTS = {
    "亲，您好～现在是非工作时间，您的消息已经记录，客服今天09:00上线后第一时间回复您～",
    "亲，客服今天09:00上班，您的留言我们已经记下，上线后会按顺序第一时间回复您哦～",
}
THANKS = "不客气亲～有问题随时找我们，祝您生活愉快！"
INVOICE = "亲，可以开电子普通发票，确认收货后3个工作日内开好发您，下单时备注抬头就行～"


def post(client, headers, message, conversation="c1"):
    body = {"conversation_id": conversation, "message": message}
    response = client.post("/v1/messages", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def followups(client, headers):
    response = client.get("/v1/followups", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["followups"]


def done(client, headers, followup_id, agent="a1"):
    return client.post(
        f"/v1/followups/{followup_id}/done", json={"agent_id": agent}, headers=headers
    )


def test_open_shop_answers_like_suggest(client, demo):
    body = post(client, demo, "今天能发吗")
    suggested = client.post(
        "/v1/suggest", json={"conversation_id": "c2", "message": "今天能发吗"}, headers=demo
    ).json()
    same = ("intent", "intent_ranking", "entities", "fallback", "model_version", "created_at")
    assert {key: body[key] for key in same} == {key: suggested[key] for key in same}
    # phrasings are chosen per conversation; the tactics and facts are the same
    assert [(d["tactic"], d["facts"]) for d in body["drafts"]] == [
        (d["tactic"], d["facts"]) for d in suggested["drafts"]
    ]
    assert {key: body[key] for key in ("mode", "auto_sent", "reply", "reason_code")} == {
        "mode": "suggest",
        "auto_sent": False,
        "reply": None,
        "reason_code": "open",
    }
    assert (body["followup_id"], body["reopens_at"]) == (None, None)
    assert followups(client, demo) == []


def test_closed_shop_answers_a_safe_question_and_queues_it(client, demo, clock):
    clock.now = NIGHT
    body = post(client, demo, "能开发票吗")
    assert (body["mode"], body["auto_sent"], body["reply"]) == (
        "auto_reply",
        True,
        {"text": INVOICE, "tactic": "invoice"},
    )
    assert body["reason"].startswith("closed; intent invoice_request is allowed unattended, ")
    assert body["reopens_at"] == "2025-03-04T09:00:00+08:00"
    [followup] = followups(client, demo)
    assert followup["followup_id"] == body["followup_id"]
    assert (followup["conversation_id"], followup["done_at"]) == ("c1", None)
    [entry] = followup["messages"]
    assert {key: entry[key] for key in ("message", "intent", "mode", "reply", "reason")} == {
        "message": "能开发票吗",
        "intent": "invoice_request",
        "mode": "auto_reply",
        "reply": {"text": INVOICE, "tactic": "invoice"},
        "reason": body["reason"],
    }
    assert entry["suggested_draft"] == body["drafts"][0]
    assert entry["suggestion_id"] == body["suggestion_id"]


def test_price_question_gets_the_holding_message_and_the_draft_waits_for_an_agent(
    client, demo, clock
):
    clock.now = NIGHT
    body = post(client, demo, "能便宜点吗")
    assert (body["mode"], body["auto_sent"], body["reason_code"]) == (
        "away",
        True,
        "intent_not_allowed",
    )
    assert body["reply"]["tactic"] == "away" and body["reply"]["text"] in AWAY_TEXTS
    [entry] = followups(client, demo)[0]["messages"]
    assert entry["suggested_draft"]["tactic"] == body["drafts"][0]["tactic"] != "away"


def test_burst_gets_one_holding_message(client, demo, clock):
    clock.now = NIGHT
    modes = []
    for message in ["能便宜点吗", "别家才80", "在吗", "我要退货", "转人工"]:
        modes.append(post(client, demo, message)["mode"])
        clock.advance(minutes=1)
    assert modes == ["away", "held", "held", "held", "held"]
    [followup] = followups(client, demo)
    assert [entry["mode"] for entry in followup["messages"]] == modes
    assert [entry["auto_sent"] for entry in followup["messages"]] == [True] + [False] * 4
    assert followup["messages"][1]["reason"] == (
        "closed; the holding message was already sent in this conversation for this wait"
    )


def test_burst_rule_still_answers_safe_questions(client, demo, clock):
    clock.now = NIGHT
    modes = [post(client, demo, m)["mode"] for m in ["能便宜点吗", "好的谢谢", "能便宜点吗"]]
    assert modes == ["away", "auto_reply", "held"]


def test_burst_rule_is_per_conversation_and_per_night(client, demo, clock):
    clock.now = NIGHT
    assert post(client, demo, "能便宜点吗", "c1")["mode"] == "away"
    assert post(client, demo, "能便宜点吗", "c2")["mode"] == "away"
    clock.now = NEXT_NIGHT
    assert post(client, demo, "能便宜点吗", "c1")["mode"] == "away"


def test_done_followup_lets_the_next_message_get_the_holding_message(client, demo, clock):
    clock.now = NIGHT
    first = post(client, demo, "能便宜点吗")
    assert done(client, demo, first["followup_id"]).status_code == 200
    second = post(client, demo, "能便宜点吗")
    assert second["mode"] == "away"
    assert second["followup_id"] != first["followup_id"]


def test_followups_oldest_first_and_done_leaves_the_queue(client, demo, clock):
    clock.now = NIGHT
    older = post(client, demo, "能便宜点吗", "c2")["followup_id"]
    clock.advance(minutes=5)
    newer = post(client, demo, "好的谢谢", "c1")["followup_id"]
    clock.advance(minutes=5)
    post(client, demo, "我要退货", "c2")
    assert [f["followup_id"] for f in followups(client, demo)] == [older, newer]
    clock.now = NOW
    response = done(client, demo, older, agent="agent-7")
    assert response.status_code == 200
    assert {key: response.json()[key] for key in ("followup_id", "done_at", "done_by")} == {
        "followup_id": older,
        "done_at": "2025-03-03T10:00:00+08:00",
        "done_by": "agent-7",
    }
    assert [f["followup_id"] for f in followups(client, demo)] == [newer]


def test_done_twice_is_a_conflict(client, demo, clock):
    clock.now = NIGHT
    followup_id = post(client, demo, "能便宜点吗")["followup_id"]
    done(client, demo, followup_id)
    response = done(client, demo, followup_id)
    assert (response.status_code, response.json()) == (
        409,
        {
            "error": {
                "code": "followup_done",
                "message": f"Follow-up '{followup_id}' is already done.",
            }
        },
    )


def test_shops_do_not_see_each_others_followups(client, demo, rival, clock):
    clock.now = NIGHT
    followup_id = post(client, demo, "能便宜点吗")["followup_id"]
    assert followups(client, rival) == []
    response = done(client, rival, followup_id)
    assert (response.status_code, response.json()) == (
        404,
        {
            "error": {
                "code": "followup_not_found",
                "message": f"No follow-up has the id '{followup_id}'.",
            }
        },
    )
    # the same conversation id in the rival shop is another conversation: it gets its own message
    assert post(client, rival, "能便宜点吗")["mode"] == "away"
    assert [f["followup_id"] for f in followups(client, demo)] == [followup_id]


@pytest.mark.parametrize(
    "method, path, body, status, expected",
    [
        (
            "post",
            "/v1/messages",
            {"conversation_id": "c1"},
            422,
            {"code": "invalid_request", "message": "message: is required."},
        ),
        (
            "post",
            "/v1/messages",
            {"conversation_id": "c1", "message": "   "},
            422,
            {
                "code": "invalid_request",
                "message": "message: must not be empty or whitespace only.",
            },
        ),
        (
            "post",
            "/v1/followups/fu_x/done",
            {},
            422,
            {"code": "invalid_request", "message": "agent_id: is required."},
        ),
        (
            "post",
            "/v1/followups/fu_x/done",
            {"agent_id": "a1"},
            404,
            {"code": "followup_not_found", "message": "No follow-up has the id 'fu_x'."},
        ),
    ],
)
def test_bad_input(client, demo, method, path, body, status, expected):
    response = getattr(client, method)(path, json=body, headers=demo)
    assert (response.status_code, response.json()) == (status, {"error": expected})


@pytest.mark.parametrize(
    "method, path",
    [("get", "/v1/followups"), ("post", "/v1/messages"), ("post", "/v1/followups/x/done")],
)
def test_new_endpoints_need_a_key(client, method, path):
    extra = {"json": {"agent_id": "a1"}} if method == "post" else {}
    response = getattr(client, method)(path, **extra)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "missing_api_key"
