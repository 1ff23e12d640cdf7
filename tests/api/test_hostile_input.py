"""The inputs that once answered 500 (issue 13) now get a 4xx naming the field, or an answer."""

from __future__ import annotations

import json
import select
import socket

import pytest

from tests.api.live_server import serving
from tests.api.training_helpers import trainer_headers

OK = {"conversation_id": "c1", "message": "能便宜点吗"}


def error(message: str, code: str = "invalid_request") -> dict:
    return {"error": {"code": code, "message": message}}


def post_raw(client, path: str, raw: str, headers: dict):
    # json.dumps escapes a lone surrogate as \ud800, which JSON allows and Python decodes
    return client.post(path, content=raw, headers={**headers, "content-type": "application/json"})


SURROGATE = "must be valid Unicode text (it holds a lone surrogate such as \\ud800)."
OUTSIDE = "must be between 1970-01-01T00:00:00Z and 2999-12-31T23:59:59Z."


@pytest.mark.parametrize(
    "path, body, expected",
    [
        ("/v1/suggest", {**OK, "conversation_id": "\ud800"}, f"conversation_id: {SURROGATE}"),
        ("/v1/suggest", {**OK, "message": "贵\ud800"}, f"message: {SURROGATE}"),
        ("/v1/suggest", {**OK, "agent_id": "a\udfff"}, f"agent_id: {SURROGATE}"),
        ("/v1/messages", {**OK, "message": "\ud800"}, f"message: {SURROGATE}"),
        ("/v1/parse", {"text": "\ud800"}, f"text: {SURROGATE}"),
        (
            "/v1/suggest",
            {**OK, "sent_at": "0001-01-01T00:00:00+08:00"},
            f"sent_at: {OUTSIDE}",
        ),
        (
            "/v1/suggest",
            {**OK, "sent_at": "9999-12-31T23:59:59-08:00"},
            f"sent_at: {OUTSIDE}",
        ),
        (
            "/v1/suggest",
            {**OK, "conversation_id": "shop/123"},
            "conversation_id: must not contain '/' or control characters.",
        ),
        (
            "/v1/suggest",
            {**OK, "conversation_id": "c\x001"},
            "conversation_id: must not contain '/' or control characters.",
        ),
    ],
)
def test_refused_with_the_field_named(client, demo, path, body, expected):
    response = post_raw(client, path, json.dumps(body), demo)
    assert (response.status_code, response.json()) == (422, error(expected))


@pytest.mark.parametrize(
    "digits, status, expected",
    [
        (4000, 422, error("order_value: must be a number from 0 to 10,000,000.")),
        (
            5000,
            400,
            error(
                "The request body is not valid JSON: a number has more than 4,300 digits.",
                "malformed_body",
            ),
        ),
    ],
)
def test_an_order_value_of_thousands_of_digits(client, demo, digits, status, expected):
    raw = '{"conversation_id": "c1", "message": "有券吗", "order_value": ' + "9" * digits + "}"
    response = post_raw(client, "/v1/suggest", raw, demo)
    assert (response.status_code, response.json()) == (status, expected)


@pytest.mark.parametrize("message", ["/", "//", "/ ", "。。。"])
@pytest.mark.parametrize("path", ["/v1/suggest", "/v1/messages"])
def test_punctuation_only_messages_are_answered(client, demo, path, message):
    response = client.post(path, json={**OK, "message": message}, headers=demo)
    assert response.status_code == 200, response.text
    made = response.json()
    stored = client.get("/v1/conversations/c1", headers=demo).json()["messages"]
    assert [m["message"] for m in stored] == [message]
    assert stored[0]["suggestion"]["suggestion_id"] == made["suggestion_id"]


@pytest.mark.parametrize("text", ["/", "//", "/ "])
def test_punctuation_only_text_is_parsed(client, demo, text):
    response = client.post("/v1/parse", json={"text": text}, headers=demo)
    assert response.status_code == 200, response.text


def test_a_model_that_fails_on_a_text_answers_fallback(settings, nlu_model, clock, demo):
    from fastapi.testclient import TestClient

    from api.main import create_app

    class Failing:
        version = nlu_model.version

        def parse(self, text):
            if text == "坏":
                raise ValueError("Found array with 0 feature(s)")
            return nlu_model.parse(text)

    with TestClient(create_app(settings, nlu=Failing(), clock=clock)) as client:
        response = client.post("/v1/parse", json={"text": "坏"}, headers=demo)
    assert (response.status_code, response.json()) == (
        200,
        {
            "text": "坏",
            "intent": "out_of_scope",
            "intent_ranking": [],
            "entities": [],
            "fallback": True,
            "model_version": nlu_model.version,
        },
    )


def test_sent_at_null_means_not_given(client, demo):
    response = client.post("/v1/suggest", json={**OK, "sent_at": None}, headers=demo)
    assert response.status_code == 200, response.text
    stored = client.get("/v1/conversations/c1", headers=demo).json()["messages"][0]
    assert stored["sent_at"] is None


@pytest.mark.parametrize(
    "conversation", ["淘宝:买家 #1", "a?b=c&d", "100%", "..x", "订单 1234567890", "c" * 128]
)
def test_every_accepted_conversation_id_reads_back(client, demo, conversation):
    from urllib.parse import quote

    made = client.post("/v1/suggest", json={**OK, "conversation_id": conversation}, headers=demo)
    assert made.status_code == 200, made.text
    response = client.get(f"/v1/conversations/{quote(conversation, safe='')}", headers=demo)
    assert response.status_code == 200, response.text
    assert response.json()["conversation_id"] == conversation


@pytest.mark.parametrize(
    "query, message",
    [
        ("since=0001-01-01T00:00:00%2B08:00", f"since: {OUTSIDE}"),
        ("until=9999-12-31T23:59:59-08:00", f"until: {OUTSIDE}"),
        ("since=0001-01-01", f"since: {OUTSIDE}"),
        ("until=9999-12-31", f"until: {OUTSIDE}"),
        (
            "since=2025-02-30",
            "since: must be an ISO 8601 date-time, such as 2025-03-01T10:00:00+08:00, or a date.",
        ),  # fmt: skip
    ],
)
def test_stats_window_at_the_calendar_edges(client, demo, query, message):
    response = client.get(f"/v1/stats?{query}", headers=demo)
    assert (response.status_code, response.json()) == (422, error(message))


@pytest.mark.parametrize("run_id", ["99999999999999999999999", "9223372036854775808", "0", "-1"])
def test_a_run_id_beyond_any_run(client, settings, run_id):
    response = client.get(f"/v1/training/runs/{run_id}", headers=trainer_headers(settings))
    assert (response.status_code, response.json()) == (
        404,
        error(f"No training run has the id {int(run_id)}.", "run_not_found"),
    )


def _send_chunked(base_url: str, key: str, limit_chunks: int) -> tuple[int, bytes]:
    """Streams 1 KiB chunks (no Content-Length) until the server answers; (chunks sent,
    the raw response)."""
    host, port = base_url.removeprefix("http://").split(":")
    head = (
        f"POST /v1/suggest HTTP/1.1\r\nHost: {host}\r\nX-API-Key: {key}\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"400\r\n" + b" " * 1024 + b"\r\n"
    sent = 0
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(head.encode())
        while sent < limit_chunks:
            if select.select([conn], [], [], 0)[0]:
                break
            try:
                conn.sendall(chunk)
            except OSError:
                break
            sent += 1
        return sent, conn.recv(65536)


def test_a_chunked_body_is_refused_once_past_the_limit(app, demo):
    with serving(app) as base_url:
        sent, raw = _send_chunked(base_url, demo["X-API-Key"], 50_000)  # 50 MB if read in full
    head, _, body = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    assert json.loads(body) == error(
        "The request body is larger than 65536 bytes.", "body_too_large"
    )
    assert sent < 1000
