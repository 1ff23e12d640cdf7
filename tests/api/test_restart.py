"""Whatever the API acknowledged is on disk: it survives closing and reopening the app."""

from __future__ import annotations

import sqlite3

from fastapi.testclient import TestClient

from api.main import create_app
from tests.api.conftest import suggest


def test_acknowledged_feedback_survives_a_restart(settings, nlu_model, clock, demo):
    with TestClient(create_app(settings, nlu=nlu_model, clock=clock)) as client:
        made = suggest(client, demo, "能便宜点吗")
        body = {
            "action": "edited",
            "draft_id": made["drafts"][0]["draft_id"],
            "final_text": "好的亲",
            "agent_id": "a1",
        }
        verdict = client.post(
            f"/v1/suggestions/{made['suggestion_id']}/feedback", json=body, headers=demo
        )
        assert verdict.status_code == 201
        before = client.get("/v1/conversations/c1", headers=demo).json()
    with TestClient(create_app(settings, nlu=nlu_model, clock=clock)) as client:
        after = client.get("/v1/conversations/c1", headers=demo).json()
        again = client.post(
            f"/v1/suggestions/{made['suggestion_id']}/feedback", json=body, headers=demo
        )
    assert after == before
    assert after["messages"][0]["feedback"] == [verdict.json()]
    assert again.status_code == 409


def test_feedback_is_committed_before_the_response(client, settings, demo):
    made = suggest(client, demo, "能便宜点吗")
    body = {"action": "rejected", "agent_id": "a1"}
    client.post(f"/v1/suggestions/{made['suggestion_id']}/feedback", json=body, headers=demo)
    # a second connection sees only committed transactions
    reader = sqlite3.connect(settings.db_path)
    rows = reader.execute("select suggestion_id, action from feedback").fetchall()
    reader.close()
    assert rows == [(made["suggestion_id"], "rejected")]
