"""Every /v1 endpoint needs a live key, and a key only ever reaches its own shop's data."""

from __future__ import annotations

import io

import pytest

from bot.cli import main as cli
from tests.api.conftest import suggest

ENDPOINTS = [
    ("POST", "/v1/suggest", {"conversation_id": "c1", "message": "能便宜点吗"}),
    ("POST", "/v1/parse", {"text": "能便宜点吗"}),
    (
        "POST",
        "/v1/suggestions/sg_0000000000000000/feedback",
        {"action": "rejected", "agent_id": "a"},
    ),
    ("GET", "/v1/conversations/c1", None),
    ("GET", "/v1/stats", None),
]
MISSING = {
    "error": {
        "code": "missing_api_key",
        "message": "Send your shop's API key in the X-API-Key header.",
    }
}
INVALID = {
    "error": {"code": "invalid_api_key", "message": "The X-API-Key header holds no valid API key."}
}


@pytest.mark.parametrize("method, path, body", ENDPOINTS)
def test_missing_key(client, method, path, body):
    response = client.request(method, path, json=body)
    assert (response.status_code, response.json()) == (401, MISSING)


@pytest.mark.parametrize("method, path, body", ENDPOINTS)
@pytest.mark.parametrize(
    "key",
    ["", "hsk_000000000000_notarealsecretnotarealsecret00", "demo", "' OR '1'='1"],
)
def test_wrong_key(client, method, path, body, key):
    response = client.request(method, path, json=body, headers={"X-API-Key": key})
    expected = MISSING if key == "" else INVALID
    assert (response.status_code, response.json()) == (401, expected)


@pytest.mark.parametrize("method, path, body", ENDPOINTS)
def test_tampered_key(client, demo_key, method, path, body):
    tampered = demo_key[:-2] + ("xx" if not demo_key.endswith("xx") else "yy")
    response = client.request(method, path, json=body, headers={"X-API-Key": tampered})
    assert (response.status_code, response.json()) == (401, INVALID)


@pytest.mark.parametrize("method, path, body", ENDPOINTS)
def test_revoked_key(client, settings, demo_key, method, path, body):
    key_id = demo_key.split("_")[1]
    args = ["--db", str(settings.db_path), "--shops", str(settings.shops_dir)]
    assert cli([*args, "keys", "revoke", key_id], out=io.StringIO()) == 0
    response = client.request(method, path, json=body, headers={"X-API-Key": demo_key})
    assert (response.status_code, response.json()) == (401, INVALID)


def test_health_needs_no_key(client):
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200


def test_other_shop_cannot_give_feedback(client, demo, rival):
    made = suggest(client, demo, "能便宜点吗")
    body = {"action": "accepted", "agent_id": "a1", "draft_id": made["drafts"][0]["draft_id"]}
    url = f"/v1/suggestions/{made['suggestion_id']}/feedback"
    response = client.post(url, json=body, headers=rival)
    assert (response.status_code, response.json()) == (
        404,
        {
            "error": {
                "code": "suggestion_not_found",
                "message": f"No suggestion has the id {made['suggestion_id']!r}.",
            }
        },
    )
    assert client.get("/v1/conversations/c1", headers=demo).json()["messages"][0]["feedback"] == []


def test_other_shop_cannot_read_conversation(client, demo, rival):
    suggest(client, demo, "能便宜点吗")
    response = client.get("/v1/conversations/c1", headers=rival)
    assert (response.status_code, response.json()) == (
        404,
        {
            "error": {
                "code": "conversation_not_found",
                "message": "No conversation has the id 'c1'.",
            }
        },
    )


def test_same_conversation_id_in_two_shops_stays_apart(client, demo, rival):
    mine = suggest(client, demo, "能便宜点吗")
    theirs = suggest(client, rival, "在吗")
    demo_view = client.get("/v1/conversations/c1", headers=demo).json()
    rival_view = client.get("/v1/conversations/c1", headers=rival).json()
    assert [m["suggestion"]["suggestion_id"] for m in demo_view["messages"]] == [
        mine["suggestion_id"]
    ]
    assert [m["suggestion"]["suggestion_id"] for m in rival_view["messages"]] == [
        theirs["suggestion_id"]
    ]


def test_stats_count_only_the_callers_shop(client, demo, rival):
    suggest(client, demo, "能便宜点吗")
    stats = client.get("/v1/stats", headers=rival).json()
    assert (stats["by_intent"], stats["by_tactic"]) == ([], [])
