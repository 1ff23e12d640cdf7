"""Liveness and readiness, and the start-up that loads the newest model once."""

from __future__ import annotations

import sqlite3

from fastapi.testclient import TestClient

from api.main import create_app


def test_healthz(client):
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_readyz(client):
    response = client.get("/readyz")
    assert (response.status_code, response.json()) == (
        200,
        {"status": "ready", "model_version": "test-session"},
    )


def test_not_ready_while_the_database_is_locked(client, settings):
    blocker = sqlite3.connect(settings.db_path)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        response = client.get("/readyz")
    finally:
        blocker.rollback()
        blocker.close()
    assert (response.status_code, response.json()) == (
        503,
        {"error": {"code": "not_ready", "message": "The database does not accept writes."}},
    )
    assert client.get("/readyz").status_code == 200


def test_start_up_loads_the_newest_model_from_models_dir(settings, trained_model_path, clock):
    settings = settings.copy(update={"models_dir": trained_model_path.parent})
    with TestClient(create_app(settings, clock=clock)) as client:
        assert client.get("/readyz").json() == {"status": "ready", "model_version": "test-session"}
        assert client.app.state.service.model_version == "test-session"
