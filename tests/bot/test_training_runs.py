"""Gated training runs with real Rasa models on a small copy of the data (40 examples per
intent): a first run is promoted, one trained without an intent is rejected, and one on the same
data as the served model is promoted against it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.store import Store
from bot.training.runs import TrainingRunner, rasa_candidate
from bot.training.serving import ModelServing
from tests.training_data import small_data

PROJECT_DIR = Path(__file__).resolve().parents[2]
START = datetime(2025, 3, 3, 2, 0, tzinfo=timezone.utc)


class Holder:
    """Stands in for the suggestion service: the reference the runner swaps."""

    def __init__(self, model) -> None:
        self.model = model

    def swap(self, model) -> None:
        self.model = model


@pytest.fixture(scope="module")
def runs(tmp_path_factory, nlu_model):
    base = tmp_path_factory.mktemp("gated")
    ticks = iter(START + timedelta(minutes=n) for n in range(1000))
    store = Store.open(base / "huashu.db", START)
    holder = Holder(nlu_model)
    serving = ModelServing(store, lambda: holder.model, holder.swap, None, lambda: next(ticks))
    serving.register_started(None)
    train = rasa_candidate(
        PROJECT_DIR / "config.yml", PROJECT_DIR / "domain.yml", PROJECT_DIR / "data" / "rules"
    )
    nlu_dir = small_data(base / "data", 40) / "nlu"
    runner = TrainingRunner(store, serving, nlu_dir, base / "models", train, lambda: next(ticks))
    results = {"first": runner.run_now()}
    results["first_model"] = holder.model

    # the real training, minus one intent's training examples; the held-out split keeps them
    def without_invoice(train_examples, *rest):
        return train([e for e in train_examples if e[1] != "invoice_request"], *rest)

    blind = TrainingRunner(
        store, serving, nlu_dir, base / "models", without_invoice, lambda: next(ticks)
    )
    results["without_invoice"] = blind.run_now()
    results["same_data"] = runner.run_now()
    results["models"] = {m.version: m for m in store.training.models()}
    results["served"] = store.training.served_model().version
    results["holder"] = holder
    yield results
    store.close()


def test_the_first_run_is_promoted_over_a_model_never_measured(runs):
    run = runs["first"]
    model = runs["models"][run.version]
    assert (run.status, run.step, run.progress) == ("promoted", "done", 1.0)
    assert model.gate["reasons"] == [
        "no baseline: the served model test-session was never measured by the gate"
    ]
    assert runs["first_model"].version == run.version
    assert Path(model.path).parent.name == "models"


def test_a_candidate_missing_an_intent_is_rejected_and_kept(runs):
    run = runs["without_invoice"]
    model = runs["models"][run.version]
    assert run.status == "rejected"
    assert model.status == "rejected"
    [reason] = [r for r in model.gate["reasons"] if r.startswith("invoice_request")]
    assert reason.startswith("invoice_request F1 ")
    assert reason.endswith(" → 0.000 (drop " + reason.split("drop ")[1])
    assert model.gate["baseline_version"] == runs["first"].version
    assert Path(model.path).is_file() and Path(model.path).parent.name == "candidates"
    assert model.report["per_intent_f1"]["invoice_request"] == 0.0


def test_a_candidate_as_good_as_the_served_model_is_promoted_and_served(runs):
    run = runs["same_data"]
    model = runs["models"][run.version]
    first = runs["models"][runs["first"].version]
    assert (run.status, model.status) == ("promoted", "promoted")
    assert model.gate == {
        "promoted": True,
        "reasons": ["no drop beyond the limits"],
        "baseline_version": first.version,
    }
    assert model.report["split"] == first.report["split"]
    assert runs["served"] == run.version == runs["holder"].model.version
