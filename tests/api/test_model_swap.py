"""Hot swap under load, the one-run-at-a-time rule, and rollback, through the HTTP API. The
candidate is injected (a second real model, loaded from a copy of the session archive) so the
run is quick and its gate verdict is fixed."""

from __future__ import annotations

import shutil
import threading
import time

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from bot.training.runs import Candidate
from tests.api.training_helpers import copy_data, trainer_headers


@pytest.fixture
def swap_app(settings, nlu_model, clock, tmp_path, trained_model_path):
    from bot.nlu.model import NluModel

    settings.data_dir = copy_data(tmp_path)
    settings.model_path = trained_model_path
    release = threading.Event()

    def candidate(train_examples, held_out, out_dir, version):
        release.wait(30)
        out_dir.mkdir(parents=True, exist_ok=True)
        archive = shutil.copy(trained_model_path, out_dir / f"{version}.tar.gz")
        report = {"accuracy": 1.0, "macro_f1": 1.0, "size": 1, "per_intent_f1": {}}
        return Candidate(archive=archive, model=NluModel.load(archive), report=report)

    app = create_app(settings, nlu=nlu_model, clock=clock, candidate_fn=candidate)
    return app, release


def test_promotion_swaps_the_model_with_zero_failed_requests(swap_app, demo, settings):
    app, release = swap_app
    with TestClient(app) as client:
        trainer = trainer_headers(settings)
        started = client.post("/v1/training/runs", headers=trainer)
        assert started.status_code == 202
        assert client.post("/v1/training/runs", headers=trainer).status_code == 409
        statuses, versions, stop = [], [], threading.Event()

        def hammer(name):
            while not stop.is_set():
                body = {"conversation_id": name, "message": "今天能发吗"}
                response = client.post("/v1/suggest", json=body, headers=demo)
                statuses.append(response.status_code)
                versions.append(response.json().get("model_version"))

        threads = [threading.Thread(target=hammer, args=(f"c{n}",)) for n in range(4)]
        for thread in threads:
            thread.start()
        release.set()
        app.state.training.runner.wait(60)
        run = client.get(f"/v1/training/runs/{started.json()['id']}", headers=trainer).json()
        deadline = time.monotonic() + 30
        while versions.count(run["version"]) < 20 and time.monotonic() < deadline:
            time.sleep(0.01)
        stop.set()
        for thread in threads:
            thread.join()
    assert (run["status"], run["model"]["served"]) == ("promoted", True)
    assert set(statuses) == {200}
    assert versions.count(run["version"]) >= 20
    assert set(versions) == {"test-session", run["version"]}
    assert versions.index(run["version"]) > 0


def test_rollback_is_one_call_and_serves_the_old_version(swap_app, demo, settings):
    app, release = swap_app
    release.set()
    with TestClient(app) as client:
        trainer = trainer_headers(settings)
        run_id = client.post("/v1/training/runs", headers=trainer).json()["id"]
        app.state.training.runner.wait(60)
        new = client.get(f"/v1/training/runs/{run_id}", headers=trainer).json()["version"]
        back = client.post("/v1/models/test-session/rollback", headers=trainer)
        assert back.status_code == 200
        assert (back.json()["version"], back.json()["served"]) == ("test-session", True)
        listed = client.get("/v1/models", headers=trainer).json()
        body = {"conversation_id": "c1", "message": "今天能发吗"}
        served_now = client.post("/v1/suggest", json=body, headers=demo).json()["model_version"]
        missing = client.post("/v1/models/nope/rollback", headers=trainer)
    assert listed["served"] == served_now == "test-session"
    assert [(m["version"], m["served"], m["status"]) for m in listed["models"]] == [
        # same created_at under the test's fixed clock, then ordered by version
        (new, False, "promoted"),
        ("test-session", True, "external"),
    ]
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "model_not_found")


def test_no_rollback_while_a_run_may_still_promote(swap_app, settings):
    app, release = swap_app
    with TestClient(app) as client:
        trainer = trainer_headers(settings)
        client.post("/v1/training/runs", headers=trainer)
        refused = client.post("/v1/models/test-session/rollback", headers=trainer)
        release.set()
        app.state.training.runner.wait(60)
    assert (refused.status_code, refused.json()["error"]) == (
        409,
        {
            "code": "run_in_progress",
            "message": "A training run is in progress and may promote its model; "
            "roll back after it finishes.",
        },
    )
