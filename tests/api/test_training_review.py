"""The review queue: fallbacks, low margins, edited and rejected drafts, grouped and ordered."""

from __future__ import annotations

import pytest

from api.main import create_app
from tests.api.conftest import suggest
from tests.api.training_helpers import copy_data, trainer_headers

# vague fragments; which of them the model is unsure about moves with every retraining
VAGUE = ("好吧那个", "好吧 那个", "那行吧", "嗯 那个", "那个 好吧", "就 那个 嗯")


@pytest.fixture
def vague(nlu_model) -> str:
    """A message the session's model reads as a fallback: the queue, not the model, is under
    test here."""
    for text in VAGUE:
        if nlu_model.parse(text)["intent"]["name"] == "nlu_fallback":
            return text
    pytest.fail(f"the model reads none of {VAGUE} as a fallback: add a vaguer fragment")


@pytest.fixture
def client(settings, nlu_model, clock, tmp_path):
    from fastapi.testclient import TestClient

    settings.data_dir = copy_data(tmp_path)
    with TestClient(create_app(settings, nlu=nlu_model, clock=clock)) as client:
        yield client


def test_queue_groups_by_normalised_text_and_lists_the_most_frequent_first(
    client, demo, settings, clock, vague
):
    trainer = trainer_headers(settings)
    for conversation in ("c1", "c2"):
        suggest(client, demo, vague, conversation)  # fallback, twice
        clock.advance(seconds=1)
    edited = suggest(client, demo, "能便宜点吗", "c3")
    client.post(
        f"/v1/suggestions/{edited['suggestion_id']}/feedback",
        json={
            "draft_id": edited["drafts"][0]["draft_id"],
            "action": "edited",
            "final_text": "亲，可以领券哦",
            "agent_id": "a1",
        },
        headers=demo,
    )
    suggest(client, demo, "今天能发吗", "c4")  # confident, never edited: not in the queue
    response = client.get("/v1/training/review", headers=trainer)
    assert response.status_code == 200
    items = response.json()["items"]
    # a fallback is usually a low-margin reading too; which of the two the model adds varies
    assert [(i["text"], i["count"], i["reasons"][0]) for i in items] == [
        (vague, 2, "fallback"),
        ("能便宜点吗", 1, "edited"),
    ]
    assert set(items[0]["reasons"]) <= {"fallback", "low_margin"}


def test_labelling_from_the_queue_adds_the_example_and_removes_it(client, demo, settings, vague):
    trainer = trainer_headers(settings)
    suggest(client, demo, vague)
    queued = client.get("/v1/training/review", headers=trainer).json()["items"]
    assert [item["text"] for item in queued] == [vague]
    response = client.post(
        "/v1/training/review/label",
        json={"text": vague, "intent": "out_of_scope"},
        headers=trainer,
    )
    assert response.status_code == 201
    assert response.json() == {"text": vague, "intent": "out_of_scope", "file": "trainer.yml"}
    assert client.get("/v1/training/review", headers=trainer).json() == {"items": []}
    assert f"    - {vague}\n" in (settings.data_dir / "nlu" / "trainer.yml").read_text("utf-8")


@pytest.mark.parametrize(
    "body, status, code",
    [
        ({"text": "在吗", "intent": "nope"}, 422, "unknown_intent"),
        ({"text": "", "intent": "greet"}, 422, "empty_text"),
        ({"text": "好" * 201, "intent": "greet"}, 422, "text_too_long"),
        ({"text": "你们比别家贵，能便宜點嗎", "intent": "greet"}, 409, "label_conflict"),
    ],
)
def test_examples_endpoint_refuses_bad_examples(client, settings, body, status, code):
    response = client.post("/v1/training/examples", json=body, headers=trainer_headers(settings))
    assert (response.status_code, response.json()["error"]["code"]) == (status, code)
