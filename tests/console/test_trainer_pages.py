"""The trainer's pages through TestClient: the review queue as GET /v1/training/review groups it,
labelling and adding examples, a gated run (candidate injected, as in the API's swap tests),
model versions and rollback."""

from __future__ import annotations

import html
import re
import shutil

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from bot.training.runs import Candidate
from tests.api.training_helpers import copy_data, trainer_headers
from tests.console.conftest import login, page_token, paste

REVIEW_TEXT = re.compile(r'<li class="review-item".*?<p class="buyer-text">(.*?)</p>', re.S)


@pytest.fixture
def trainer_app(settings, nlu_model, clock, tmp_path, trained_model_path):
    from bot.nlu.model import NluModel

    settings.data_dir = copy_data(tmp_path)
    settings.model_path = trained_model_path
    settings.models_dir = tmp_path / "models"

    def candidate(train_examples, held_out, out_dir, version):
        out_dir.mkdir(parents=True, exist_ok=True)
        archive = shutil.copy(trained_model_path, out_dir / f"{version}.tar.gz")
        report = {"accuracy": 0.9, "macro_f1": 0.9, "size": 1, "per_intent_f1": {}}
        return Candidate(archive=archive, model=NluModel.load(archive), report=report)

    return create_app(settings, nlu=nlu_model, clock=clock, candidate_fn=candidate)


def _queue_some_messages(app, agent, demo) -> None:
    """Rejected drafts put their messages in the review queue, whatever the model predicts."""
    with TestClient(app) as client:
        login(client, agent)
        for conversation, message in (("c1", "这个怎么弄"), ("c2", "这个怎么弄"), ("c3", "嗯嗯")):
            paste(client, message, conversation)
            suggestion = client.get(f"/v1/conversations/{conversation}", headers=demo).json()
            suggestion = suggestion["messages"][-1]["suggestion"]
            body = {
                "csrf_token": page_token(client),
                "conversation_id": conversation,
                "draft_id": suggestion["drafts"][0]["draft_id"],
                "action": "rejected",
                "reason": "wrong_intent",
            }
            client.post(f"/console/suggestions/{suggestion['suggestion_id']}/feedback", data=body)


def test_review_page_lists_the_queue_as_the_api_groups_it(
    trainer_app, agent, trainer, settings, demo
):
    _queue_some_messages(trainer_app, agent, demo)
    with TestClient(trainer_app) as client:
        api = client.get("/v1/training/review", headers=trainer_headers(settings)).json()
        login(client, trainer)
        page = client.get("/console/training/review").text
    expected = [item["text"] for item in api["items"]]
    assert expected[:2] == ["这个怎么弄", "嗯嗯"]
    assert [html.unescape(t) for t in REVIEW_TEXT.findall(page)] == expected
    assert "×2" in page and "客服拒绝过" in page


def test_labelling_an_item_adds_the_example_and_takes_it_off_the_queue(
    trainer_app, agent, trainer, settings, demo
):
    _queue_some_messages(trainer_app, agent, demo)
    with TestClient(trainer_app) as client:
        login(client, trainer)
        first = html.unescape(REVIEW_TEXT.findall(client.get("/console/training/review").text)[0])
        body = {
            "csrf_token": page_token(client, "/console/training/review"),
            "next": "review",
            "text": first,
            "intent": "out_of_scope",
        }
        after = client.post("/console/training/examples", data=body)
        assert after.url.path == "/console/training/review"
        assert first not in [html.unescape(t) for t in REVIEW_TEXT.findall(after.text)]
    trainer_file = (settings.data_dir / "nlu" / "trainer.yml").read_text(encoding="utf-8")
    assert "intent: out_of_scope" in trainer_file and first in trainer_file


def test_adding_a_duplicate_example_says_why(trainer_app, trainer):
    with TestClient(trainer_app) as client:
        login(client, trainer)
        token = page_token(client, "/console/training/examples")
        body = {
            "csrf_token": token,
            "next": "examples",
            "text": "给我便宜点",
            "intent": "price_objection",
        }
        added = client.post("/console/training/examples", data=body)
        assert added.url.path == "/console/training/examples"
        assert "已添加为「嫌贵砍价」。" in added.text
        again = client.post("/console/training/examples", data=body)
        assert again.status_code == 409


def test_a_gated_run_shows_its_progress_then_the_new_version_and_rolls_back(trainer_app, trainer):
    with TestClient(trainer_app) as client:
        login(client, trainer)
        token = page_token(client, "/console/training")
        started = client.post("/console/training/runs", data={"csrf_token": token})
        assert re.fullmatch(r"/console/training/runs/\d+", started.url.path)
        trainer_app.state.training.runner.wait(60)
        run = client.get(started.url.path).text
        assert "已上线" in run and "100%" in run
        assert 'http-equiv="refresh"' not in run
        overview = client.get("/console/training").text
        version = re.search(
            r"<code>(huashu-[^<]+)</code> <span class=\"badge safe\">使用中", overview
        )
        assert version, overview
        assert "0.900" in overview
        rolled = client.post(
            "/console/training/models/test-session/rollback", data={"csrf_token": token}
        )
        assert rolled.url.path == "/console/training"
        assert trainer_app.state.training.served_version() == "test-session"
        assert '<code>test-session</code> <span class="badge safe">使用中' in rolled.text
