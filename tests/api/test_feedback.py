"""Accept, edit and reject: each verdict is stored once, an edit keeps both texts."""

from __future__ import annotations

from tests.api.conftest import suggest


def give(client, headers, suggestion_id, **body):
    return client.post(f"/v1/suggestions/{suggestion_id}/feedback", json=body, headers=headers)


def test_accept_stores_the_draft_text(client, demo):
    made = suggest(client, demo, "能便宜点吗")
    draft = made["drafts"][0]
    response = give(
        client,
        demo,
        made["suggestion_id"],
        action="accepted",
        draft_id=draft["draft_id"],
        agent_id="a1",
    )
    assert (response.status_code, response.json()) == (
        201,
        {
            "suggestion_id": made["suggestion_id"],
            "draft_id": draft["draft_id"],
            "action": "accepted",
            "draft_text": draft["text"],
            "final_text": draft["text"],
            "agent_id": "a1",
            "created_at": "2025-03-03T10:00:00+08:00",
        },
    )


def test_edit_keeps_both_texts(client, demo, clock):
    made = suggest(client, demo, "能便宜点吗")
    draft = made["drafts"][1]
    clock.advance(seconds=40)
    final = "亲，<b>今天</b>下单再送一张5元券'); --"
    response = give(
        client,
        demo,
        made["suggestion_id"],
        action="edited",
        draft_id=draft["draft_id"],
        final_text=final,
        agent_id="a1",
    )
    assert response.status_code == 201
    assert (response.json()["draft_text"], response.json()["final_text"]) == (draft["text"], final)
    assert response.json()["created_at"] == "2025-03-03T10:00:40+08:00"
    stored = client.get("/v1/conversations/c1", headers=demo).json()["messages"][0]["feedback"]
    assert stored == [response.json()]


def test_reject_one_draft_then_accept_another(client, demo):
    made = suggest(client, demo, "能便宜点吗")
    first, second = made["drafts"][0], made["drafts"][1]
    rejected = give(
        client,
        demo,
        made["suggestion_id"],
        action="rejected",
        draft_id=first["draft_id"],
        agent_id="a1",
    )
    accepted = give(
        client,
        demo,
        made["suggestion_id"],
        action="accepted",
        draft_id=second["draft_id"],
        agent_id="a1",
    )
    assert (rejected.status_code, accepted.status_code) == (201, 201)
    assert rejected.json()["final_text"] is None
    stored = client.get("/v1/conversations/c1", headers=demo).json()["messages"][0]["feedback"]
    assert [(f["draft_id"], f["action"]) for f in stored] == [
        (first["draft_id"], "rejected"),
        (second["draft_id"], "accepted"),
    ]


def test_reject_the_whole_suggestion_with_what_was_sent_instead(client, demo):
    made = suggest(client, demo, "能便宜点吗")
    response = give(
        client,
        demo,
        made["suggestion_id"],
        action="rejected",
        final_text="我帮您问问主管",
        agent_id="a1",
    )
    assert response.json() == {
        "suggestion_id": made["suggestion_id"],
        "draft_id": None,
        "action": "rejected",
        "draft_text": None,
        "final_text": "我帮您问问主管",
        "agent_id": "a1",
        "created_at": "2025-03-03T10:00:00+08:00",
    }


def test_second_verdict_on_a_draft_is_a_conflict(client, demo):
    made = suggest(client, demo, "能便宜点吗")
    draft_id = made["drafts"][0]["draft_id"]
    first = give(
        client, demo, made["suggestion_id"], action="accepted", draft_id=draft_id, agent_id="a1"
    )
    again = give(
        client, demo, made["suggestion_id"], action="rejected", draft_id=draft_id, agent_id="a2"
    )
    assert (again.status_code, again.json()) == (
        409,
        {
            "error": {
                "code": "feedback_exists",
                "message": f"Draft {draft_id!r} already has feedback; "
                "each draft takes one verdict.",
            }
        },
    )
    stored = client.get("/v1/conversations/c1", headers=demo).json()["messages"][0]["feedback"]
    assert stored == [first.json()]


def test_second_whole_rejection_is_a_conflict(client, demo):
    made = suggest(client, demo, "在吗")
    give(client, demo, made["suggestion_id"], action="rejected", agent_id="a1")
    again = give(client, demo, made["suggestion_id"], action="rejected", agent_id="a1")
    assert (again.status_code, again.json()["error"]["code"]) == (409, "feedback_exists")


def test_sent_reply_is_not_offered_again(client, demo):
    first = suggest(client, demo, "能便宜点吗")
    sent = first["drafts"][0]
    give(
        client,
        demo,
        first["suggestion_id"],
        action="accepted",
        draft_id=sent["draft_id"],
        agent_id="a1",
    )
    second = suggest(client, demo, "再便宜点吧")
    assert sent["tactic"] not in [draft["tactic"] for draft in second["drafts"]]
