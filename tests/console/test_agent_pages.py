"""The agent's pages through TestClient: pasting a message calls the suggest path, the page shows
what the API's conversation log holds, and accept / edit / reject store the verdicts the API
reports, with the agent id taken from the session."""

from __future__ import annotations

import html
import re
from datetime import datetime, timezone

from fastapi.testclient import TestClient

from api.console.labels import intent_label
from tests.console.conftest import APPROVAL_TEXT, login, page_token, paste, record_approval_draft

NIGHT = datetime(2025, 3, 2, 19, 0, tzinfo=timezone.utc)  # 03:00 in Shanghai: the shop is closed
DRAFT_TEXT = re.compile(r'<p class="draft-text">(.*?)</p>', re.S)


def texts(pattern: re.Pattern, page: str) -> list[str]:
    return [html.unescape(found) for found in pattern.findall(page)]


def conversation(client, demo, conversation_id: str = "c1") -> dict:
    response = client.get(f"/v1/conversations/{conversation_id}", headers=demo)
    assert response.status_code == 200, response.text
    return response.json()


def feedback(client, message: dict, position: int, **fields: str):
    body = {
        "csrf_token": page_token(client),
        "conversation_id": message["suggestion"]["conversation_id"],
        "draft_id": message["suggestion"]["drafts"][position]["draft_id"],
        **fields,
    }
    suggestion_id = message["suggestion"]["suggestion_id"]
    return client.post(f"/console/suggestions/{suggestion_id}/feedback", data=body)


def test_a_pasted_message_is_suggested_and_logged_under_the_agent(agent_client, demo):
    page = paste(agent_client, "能便宜点吗", "c1")
    assert page.url.path == "/console/conversations/c1"
    logged = conversation(agent_client, demo)
    [message] = logged["messages"]
    suggestion = message["suggestion"]
    assert (message["message"], message["agent_id"]) == ("能便宜点吗", "xiaowang")
    assert suggestion["intent"] == "price_objection"
    assert texts(DRAFT_TEXT, page.text) == [d["text"] for d in suggestion["drafts"]][:3]
    for draft in suggestion["drafts"]:
        assert f"<code>{draft['tactic']}</code>" in page.text
    assert "嫌贵砍价 <code>price_objection</code>" in page.text
    second = suggestion["intent_ranking"][1]
    label = f"其次：{intent_label(second['name'])} {second['confidence'] * 100:.0f}%"
    assert label in page.text


def test_a_blank_conversation_id_starts_a_new_conversation(agent_client, demo):
    page = paste(agent_client, "今天能发吗")
    conversation_id = page.url.path.rsplit("/", 1)[1]
    assert re.fullmatch(r"console-[0-9a-f]{8}", conversation_id)
    assert conversation(agent_client, demo, conversation_id)["messages"][0]["message"] == (
        "今天能发吗"
    )


def test_accept_edit_and_reject_store_the_verdicts_the_api_reports(agent_client, demo, clock):
    paste(agent_client, "能便宜点吗", "c1")
    [first] = conversation(agent_client, demo)["messages"]
    # the form's agent_id is ignored: the verdict is the logged-in agent's
    assert feedback(agent_client, first, 0, action="accepted", agent_id="boss").status_code == 200
    edited = "亲，这款已经是活动价啦，给您申请个小赠品好吗？"
    assert feedback(agent_client, first, 1, action="edited", final_text=edited).status_code == 200
    paste(agent_client, "还是太贵了", "c1")
    second = conversation(agent_client, demo)["messages"][1]
    rejected = feedback(agent_client, second, 0, action="rejected", reason="tone", note="太生硬")
    assert rejected.status_code == 200
    drafts = first["suggestion"]["drafts"]
    logged = conversation(agent_client, demo)["messages"]
    for record in logged[0]["feedback"] + logged[1]["feedback"]:
        assert datetime.fromisoformat(record.pop("created_at").replace("Z", "+00:00")) == clock.now
    assert logged[0]["feedback"] == [
        {
            "suggestion_id": first["suggestion"]["suggestion_id"],
            "draft_id": drafts[0]["draft_id"],
            "action": "accepted",
            "draft_text": drafts[0]["text"],
            "final_text": drafts[0]["text"],
            "agent_id": "xiaowang",
        },
        {
            "suggestion_id": first["suggestion"]["suggestion_id"],
            "draft_id": drafts[1]["draft_id"],
            "action": "edited",
            "draft_text": drafts[1]["text"],
            "final_text": edited,
            "agent_id": "xiaowang",
        },
    ]
    assert logged[1]["feedback"] == [
        {
            "suggestion_id": second["suggestion"]["suggestion_id"],
            "draft_id": second["suggestion"]["drafts"][0]["draft_id"],
            "action": "rejected",
            "draft_text": second["suggestion"]["drafts"][0]["text"],
            "final_text": None,
            "agent_id": "xiaowang",
        }
    ]
    page = rejected.text
    assert "已拒绝（原因：语气不合适：太生硬）" in page
    assert f"编辑后发送：{edited}" in page
    assert f"已采用：{drafts[0]['text']}" in page


def test_an_unchanged_edit_counts_as_accepted(agent_client, demo):
    paste(agent_client, "能便宜点吗", "c1")
    [message] = conversation(agent_client, demo)["messages"]
    text = message["suggestion"]["drafts"][0]["text"]
    feedback(agent_client, message, 0, action="edited", final_text=text)
    [stored] = conversation(agent_client, demo)["messages"][0]["feedback"]
    assert (stored["action"], stored["final_text"]) == ("accepted", text)


def test_a_second_verdict_on_a_draft_is_a_conflict_page(agent_client, demo):
    paste(agent_client, "能便宜点吗", "c1")
    [message] = conversation(agent_client, demo)["messages"]
    feedback(agent_client, message, 0, action="accepted")
    again = feedback(agent_client, message, 0, action="rejected", reason="tone")
    assert again.status_code == 409
    assert "already has feedback" in again.text
    assert len(conversation(agent_client, demo)["messages"][0]["feedback"]) == 1


def test_a_draft_needing_approval_is_sent_only_when_approval_is_confirmed(
    agent_client, demo, settings, clock
):
    record_approval_draft(settings, clock.now, "c1")
    page = agent_client.get("/console/conversations/c1").text
    assert 'data-needs-approval="1"' in page and "需主管批准" in page
    [message] = conversation(agent_client, demo)["messages"]
    refused = feedback(agent_client, message, 0, action="accepted")
    assert refused.status_code == 422
    assert "这条草稿需要主管批准后才能发送；请确认主管已批准后再发送。" in refused.text
    assert conversation(agent_client, demo)["messages"][0]["feedback"] == []
    approved = feedback(agent_client, message, 0, action="accepted", approved="yes")
    assert approved.status_code == 200
    [stored] = conversation(agent_client, demo)["messages"][0]["feedback"]
    assert (stored["action"], stored["final_text"]) == ("accepted", APPROVAL_TEXT)


def test_inbox_lists_follow_ups_first_then_the_newest_buyer_message(
    agent_client, client, demo, clock
):
    clock.now = NIGHT
    body = {"conversation_id": "night", "message": "能便宜点吗"}
    assert client.post("/v1/messages", json=body, headers=demo).json()["followup_id"]
    clock.advance(hours=7)  # 10:00 in Shanghai
    paste(agent_client, "今天能发吗", "older")
    clock.advance(minutes=5)
    paste(agent_client, "宝宝两岁穿多大", "newer")
    clock.advance(minutes=3)
    page = agent_client.get("/console/inbox").text
    order = re.findall(r'data-conversation="([^"]+)"', page)
    assert order == ["night", "newer", "older"]
    waits = re.findall(r"等待 ([^<]+)</span>", page)
    assert waits == ["7 小时 8 分", "3 分钟", "8 分钟"]
    assert page.count("离线待跟进") == 1


def test_marking_a_follow_up_done_takes_it_off_the_top(agent_client, client, demo, clock):
    clock.now = NIGHT
    body = {"conversation_id": "night", "message": "能便宜点吗"}
    followup_id = client.post("/v1/messages", json=body, headers=demo).json()["followup_id"]
    clock.advance(hours=7)
    page = agent_client.get("/console/conversations/night").text
    assert f"/console/followups/{followup_id}/done" in page
    token = page_token(agent_client)
    done = agent_client.post(
        f"/console/followups/{followup_id}/done",
        data={"csrf_token": token, "conversation_id": "night"},
    )
    assert done.url.path == "/console/conversations/night"
    assert client.get("/v1/followups", headers=demo).json() == {"followups": []}


def test_conversation_pages_link_their_inbox_neighbours_for_j_and_k(agent_client, clock):
    for name in ("first", "second", "third"):
        paste(agent_client, "在吗", name)
        clock.advance(minutes=1)
    page = agent_client.get("/console/conversations/second").text
    assert 'data-previous="/console/conversations/third"' in page
    assert 'data-next="/console/conversations/first"' in page


def test_a_second_shop_sees_nothing_of_the_first(app, agent_client, rival_agent, demo):
    paste(agent_client, "泳衣有110码吗", "secret-c1")
    [message] = conversation(agent_client, demo, "secret-c1")["messages"]
    # a second client of the running app (the app's lifespan is agent_client's)
    rival = TestClient(app)
    login(rival, rival_agent)
    inbox = rival.get("/console/inbox").text
    assert "secret-c1" not in inbox and "泳衣有110码吗" not in inbox
    assert rival.get("/console/conversations/secret-c1").status_code == 404
    assert feedback(rival, message, 0, action="accepted").status_code == 404
    stats = rival.get("/console/stats").text
    assert "ask_product_info" not in stats and "stock_availability" not in stats
    assert conversation(agent_client, demo, "secret-c1")["messages"][0]["feedback"] == []


def test_bad_pastes_get_a_sentence_and_store_nothing(agent_client, demo):
    empty = paste(agent_client, "   ", "c1")
    assert (empty.status_code, "请填写买家消息。" in empty.text) == (422, True)
    long = paste(agent_client, "贵" * 2001, "c1")
    assert long.status_code == 422
    assert "买家消息最多 2000 个字符（现在 2001 个）。" in long.text
    assert agent_client.get("/v1/conversations/c1", headers=demo).status_code == 404
