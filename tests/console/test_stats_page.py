"""The stats page: GET /v1/stats's figures as server-rendered SVG bars and a table."""

from __future__ import annotations

import re

from tests.console.conftest import page_token, paste


def _verdict(client, demo, conversation: str, action: str) -> None:
    suggestion = client.get(f"/v1/conversations/{conversation}", headers=demo).json()
    suggestion = suggestion["messages"][-1]["suggestion"]
    body = {
        "csrf_token": page_token(client),
        "conversation_id": conversation,
        "draft_id": suggestion["drafts"][0]["draft_id"],
        "action": action,
        "reason": "tone",
    }
    client.post(f"/console/suggestions/{suggestion['suggestion_id']}/feedback", data=body)


def test_rates_per_intent_and_tactic_match_the_api(agent_client, demo, clock):
    for conversation, action in (("c1", "accepted"), ("c2", "rejected"), ("c3", None)):
        paste(agent_client, "能便宜点吗", conversation)
        if action:
            _verdict(agent_client, demo, conversation, action)
    clock.advance(minutes=1)
    api = agent_client.get("/v1/stats", headers=demo).json()
    page = agent_client.get("/console/stats").text
    [price] = [row for row in api["by_intent"] if row["intent"] == "price_objection"]
    assert (price["suggestions"], price["with_feedback"], price["accepted"]) == (3, 2, 1)
    assert "嫌贵砍价 (price_objection)" in page
    assert "采用 50% · 2/3" in page
    assert re.search(r'width="150\.0" height="16" fill="#2e7d32"><title>采用 1/2</title>', page)
    assert re.search(r'width="150\.0" height="16" fill="#c62828"><title>拒绝 1/2</title>', page)
    for row in api["by_tactic"]:
        assert f"({row['tactic']})" in page
    assert page.count('<svg class="chart"') == 2


def test_an_unknown_window_is_a_sentence(agent_client):
    response = agent_client.get("/console/stats?days=3")
    assert response.status_code == 422
    assert "统计时间范围只能是 1、7、30 或 90 天。" in response.text
