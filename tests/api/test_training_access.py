"""Trainer keys versus shop agent keys on the training and model endpoints."""

from __future__ import annotations

import io

import pytest

from bot.cli import main as cli

TRAINER_ENDPOINTS = [
    ("post", "/v1/training/examples", {"text": "掌柜在不在呀", "intent": "greet"}),
    ("get", "/v1/training/review", None),
    ("post", "/v1/training/review/label", {"text": "掌柜在不在呀", "intent": "greet"}),
    ("post", "/v1/training/runs", None),
    ("get", "/v1/training/runs/1", None),
    ("get", "/v1/models", None),
    ("post", "/v1/models/test-session/rollback", None),
]


@pytest.fixture
def trainer(settings) -> dict[str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli(["--db", str(settings.db_path), "keys", "create", "--trainer"], out=out, err=err)
    assert code == 0, err.getvalue()
    return {"X-API-Key": out.getvalue().strip()}


@pytest.mark.parametrize("method, path, body", TRAINER_ENDPOINTS)
def test_a_shop_key_is_forbidden(client, demo, method, path, body):
    response = client.request(method, path, json=body, headers=demo)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "trainer_key_required"


@pytest.mark.parametrize("method, path, body", TRAINER_ENDPOINTS)
def test_no_key_is_unauthorised(client, method, path, body):
    response = client.request(method, path, json=body)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "missing_api_key"


def test_a_trainer_key_cannot_ask_for_suggestions(client, trainer):
    response = client.post(
        "/v1/suggest", json={"conversation_id": "c", "message": "在吗"}, headers=trainer
    )
    assert response.status_code == 401


def test_a_trainer_key_lists_models(client, trainer):
    response = client.get("/v1/models", headers=trainer)
    assert response.status_code == 200
    body = response.json()
    assert body["served"] == "test-session"
    assert [(m["version"], m["served"], m["status"]) for m in body["models"]] == [
        ("test-session", True, "external")
    ]
