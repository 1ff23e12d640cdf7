"""Every malformed request gets a 4xx JSON error that names what is wrong, and stores nothing."""

from __future__ import annotations

import pytest

from tests.api.conftest import suggest

OK = {"conversation_id": "c1", "message": "能便宜点吗"}


def error(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


SUGGEST_BODIES = [
    (
        {**OK, "message": ""},
        422,
        error("invalid_request", "message: must not be empty or whitespace only."),
    ),
    (
        {**OK, "message": " \n\t　"},
        422,
        error("invalid_request", "message: must not be empty or whitespace only."),
    ),
    (
        {**OK, "message": "贵" * 2001},
        422,
        error("invalid_request", "message: must be at most 2,000 characters (got 2,001)."),
    ),
    ({**OK, "message": 42}, 422, error("invalid_request", "message: must be a string.")),
    (
        {**OK, "message": ["能便宜点吗"]},
        422,
        error("invalid_request", "message: must be a string."),
    ),
    ({**OK, "message": None}, 422, error("invalid_request", "message: must not be null.")),
    ({"conversation_id": "c1"}, 422, error("invalid_request", "message: is required.")),
    ({"message": "在吗"}, 422, error("invalid_request", "conversation_id: is required.")),
    (
        {**OK, "conversation_id": "c" * 129},
        422,
        error("invalid_request", "conversation_id: must be at most 128 characters (got 129)."),
    ),
    (
        {**OK, "agent_id": "  "},
        422,
        error("invalid_request", "agent_id: must not be empty or whitespace only."),
    ),
    ({**OK, "order_value": "300"}, 422, error("invalid_request", "order_value: must be a number.")),
    ({**OK, "order_value": True}, 422, error("invalid_request", "order_value: must be a number.")),
    (
        {**OK, "order_value": -1},
        422,
        error("invalid_request", "order_value: must be a number from 0 to 10,000,000."),
    ),
    (
        {**OK, "sent_at": "yesterday"},
        422,
        error(
            "invalid_request",
            "sent_at: must be an ISO 8601 date-time, such as 2025-03-01T10:00:00+08:00.",
        ),
    ),
    (
        {**OK, "sent_at": "2025-03-03T10:00:00"},
        422,
        error("invalid_request", "sent_at: must include a timezone offset, such as +08:00 or Z."),
    ),
    (
        {**OK, "sent_at": 1741000000},
        422,
        error("invalid_request", "sent_at: must be an ISO 8601 date-time string."),
    ),
    (
        {"conversation_id": "c1", "mesage": "能便宜点吗"},
        422,
        error("invalid_request", "message: is required; mesage: is not a known field."),
    ),
    ([OK], 422, error("invalid_body", "The request body must be a JSON object.")),
    ("能便宜点吗", 422, error("invalid_body", "The request body must be a JSON object.")),
]


@pytest.mark.parametrize("body, status, expected", SUGGEST_BODIES)
def test_bad_suggest_body(client, demo, body, status, expected):
    response = client.post("/v1/suggest", json=body, headers=demo)
    assert (response.status_code, response.json()) == (status, expected)
    assert client.get("/v1/conversations/c1", headers=demo).status_code == 404


RAW_BODIES = [
    (
        b"",
        "application/json",
        422,
        error("invalid_body", "The request body is missing; send a JSON object."),
    ),
    (
        b'{"conversation_id": "c1", "message": ',
        "application/json",
        400,
        error("malformed_json", "The request body is not valid JSON: Expecting value."),
    ),
    (
        b"{'conversation_id': 'c1'}",
        "application/json",
        400,
        error(
            "malformed_json",
            "The request body is not valid JSON: "
            "Expecting property name enclosed in double quotes.",
        ),
    ),
    (
        b'{"conversation_id": "c1", "message": "\xff"}',
        "application/json",
        400,
        error("malformed_body", "The request body could not be read as UTF-8 JSON."),
    ),
    (
        b"message=hi",
        "application/x-www-form-urlencoded",
        422,
        error("invalid_body", "The request body must be a JSON object."),
    ),
    (
        b"x" * 70_000,
        "application/json",
        413,
        error("body_too_large", "The request body is larger than 65536 bytes."),
    ),
]


@pytest.mark.parametrize("raw, content_type, status, expected", RAW_BODIES)
def test_unreadable_body(client, demo, raw, content_type, status, expected):
    headers = {**demo, "content-type": content_type}
    response = client.post("/v1/suggest", content=raw, headers=headers)
    assert (response.status_code, response.json()) == (status, expected)


FEEDBACK_BODIES = [
    (
        {"action": "liked", "agent_id": "a1"},
        422,
        error("invalid_request", "action: must be one of 'accepted', 'edited', 'rejected'."),
    ),
    ({"action": "rejected"}, 422, error("invalid_request", "agent_id: is required.")),
    (
        {"action": "accepted", "agent_id": "a1"},
        422,
        error("invalid_request", "draft_id is required when action is 'accepted'."),
    ),
    (
        {"action": "edited", "agent_id": "a1", "final_text": "好的"},
        422,
        error("invalid_request", "draft_id is required when action is 'edited'."),
    ),
    (
        {"action": "edited", "agent_id": "a1", "draft_id": "{draft}"},
        422,
        error("invalid_request", "final_text is required when action is 'edited'."),
    ),
    (
        {"action": "accepted", "agent_id": "a1", "draft_id": "{draft}", "final_text": "别的话"},
        422,
        error(
            "invalid_request",
            "final_text differs from the draft; send action 'edited' to keep both texts.",
        ),
    ),
    (
        {"action": "edited", "agent_id": "a1", "draft_id": "{draft}", "final_text": "好" * 2001},
        422,
        error("invalid_request", "final_text: must be at most 2,000 characters (got 2,001)."),
    ),
    (
        {"action": "rejected", "agent_id": "a1", "draft_id": "dr_0000000000000000"},
        404,
        error(
            "draft_not_found",
            "Suggestion '{suggestion}' has no draft with the id 'dr_0000000000000000'.",
        ),
    ),
]


@pytest.mark.parametrize("body, status, expected", FEEDBACK_BODIES)
def test_bad_feedback_body(client, demo, body, status, expected):
    made = suggest(client, demo, "能便宜点吗")
    ids = {"suggestion": made["suggestion_id"], "draft": made["drafts"][0]["draft_id"]}
    body = {
        key: value.format(**ids) if isinstance(value, str) else value for key, value in body.items()
    }
    expected = error(expected["error"]["code"], expected["error"]["message"].format(**ids))
    url = f"/v1/suggestions/{made['suggestion_id']}/feedback"
    response = client.post(url, json=body, headers=demo)
    assert (response.status_code, response.json()) == (status, expected)
    conversation = client.get("/v1/conversations/c1", headers=demo).json()
    assert conversation["messages"][0]["feedback"] == []


def test_feedback_on_unknown_suggestion(client, demo):
    body = {"action": "rejected", "agent_id": "a1"}
    response = client.post("/v1/suggestions/sg_0000000000000000/feedback", json=body, headers=demo)
    assert (response.status_code, response.json()) == (
        404,
        error("suggestion_not_found", "No suggestion has the id 'sg_0000000000000000'."),
    )


@pytest.mark.parametrize(
    "query, message",
    [
        (
            "since=last-week",
            "since: must be an ISO 8601 date-time, such as 2025-03-01T10:00:00+08:00, or a date.",
        ),
        (
            "until=2025-03-03T10:00:00",
            "until: must include a timezone offset, such as Z or %2B08:00.",
        ),
        (
            "since=2025-03-03T00:00:00Z&until=2025-03-02T00:00:00Z",
            "since: must be earlier than until.",
        ),
    ],
)
def test_bad_stats_window(client, demo, query, message):
    response = client.get(f"/v1/stats?{query}", headers=demo)
    assert (response.status_code, response.json()) == (422, error("invalid_request", message))


@pytest.mark.parametrize(
    "method, path, expected",
    [
        ("GET", "/v1/nothing", error("not_found", "No endpoint at GET /v1/nothing.")),
        (
            "DELETE",
            "/v1/suggest",
            error("method_not_allowed", "/v1/suggest does not take DELETE requests."),
        ),
    ],
)
def test_unknown_route(client, demo, method, path, expected):
    response = client.request(method, path, headers=demo)
    assert response.json() == expected
