"""Wiring the trainer workflow into the app: the served model's registry, the example file and
the background runner, all over the service's swappable model."""

from __future__ import annotations

from pathlib import Path

from api.nlu_guard import guarded
from api.settings import Settings
from bot.service import Clock, Nlu, SuggestionService
from bot.store import Store
from bot.training.desk import TrainingDesk
from bot.training.examples import ExampleBook
from bot.training.runs import CandidateFn, TrainingRunner, rasa_candidate
from bot.training.serving import ModelServing


def load_model(path: Path) -> Nlu:
    # Rasa takes seconds to import: only the processes that serve pay for it, not the launcher
    from bot.nlu.model import NluModel

    return guarded(NluModel.load(path))


def training_desk(
    settings: Settings,
    store: Store,
    service: SuggestionService,
    clock: Clock,
    candidate_fn: CandidateFn | None = None,
    started_from: Path | None = None,
    *,
    pinned: bool = False,
) -> TrainingDesk:
    """`started_from` is the archive the service's model was loaded from; `pinned` when it was
    chosen by HUASHU_MODEL_PATH (or given by a test) rather than by the registry."""
    serving = ModelServing(
        store,
        lambda: service.nlu,
        lambda model: service.replace_model(guarded(model)),
        load_model,
        clock,
        check_every=settings.served_check_seconds,
    )
    serving.register_started(started_from, pinned=pinned)
    data = settings.data_dir
    train = candidate_fn or rasa_candidate(
        settings.config_path, settings.domain_path, data / "rules"
    )
    runner = TrainingRunner(store, serving, data / "nlu", settings.models_dir, train, clock)
    runner.abandon_dead_runs()
    return TrainingDesk(store, ExampleBook(data / "nlu"), runner, serving)
