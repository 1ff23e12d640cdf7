"""A conversation reads back as its messages in order, each with its suggestion and feedback."""

from __future__ import annotations

from tests.api.conftest import suggest


def test_conversation_in_order_with_everything_logged(client, demo, clock):
    first = suggest(client, demo, "在吗", agent_id="a1")
    clock.advance(minutes=1)
    second = suggest(
        client,
        demo,
        "能便宜点吗",
        sent_at="2025-03-03T09:59:30+08:00",
        agent_id="a1",
        order_value=89,
    )
    draft = second["drafts"][0]
    url = f"/v1/suggestions/{second['suggestion_id']}/feedback"
    verdict = client.post(
        url,
        json={"action": "accepted", "draft_id": draft["draft_id"], "agent_id": "a1"},
        headers=demo,
    )
    response = client.get("/v1/conversations/c1", headers=demo)
    assert response.status_code == 200
    assert response.json() == {
        "conversation_id": "c1",
        "started_at": "2025-03-03T10:00:00+08:00",
        "messages": [
            {
                "message": "在吗",
                "sent_at": None,
                "received_at": "2025-03-03T10:00:00+08:00",
                "agent_id": "a1",
                "order_value": None,
                "suggestion": first,
                "feedback": [],
            },
            {
                "message": "能便宜点吗",
                "sent_at": "2025-03-03T09:59:30+08:00",
                "received_at": "2025-03-03T10:01:00+08:00",
                "agent_id": "a1",
                "order_value": 89.0,
                "suggestion": second,
                "feedback": [verdict.json()],
            },
        ],
    }


def test_unknown_conversation(client, demo):
    response = client.get("/v1/conversations/nobody", headers=demo)
    assert (response.status_code, response.json()) == (
        404,
        {
            "error": {
                "code": "conversation_not_found",
                "message": "No conversation has the id 'nobody'.",
            }
        },
    )


def test_conversation_ids_are_taken_verbatim(client, demo):
    made = suggest(client, demo, "在吗", conversation="淘宝:买家 #1")
    response = client.get("/v1/conversations/淘宝:买家 %231", headers=demo)
    assert response.json()["messages"][0]["suggestion"] == made
