"""Wiring the trainer workflow into the app: the served model's registry, the example file and
the background runner, all over the service's swappable model."""

from __future__ import annotations

from pathlib import Path

from api.settings import Settings
from bot.nlu.archives import latest_model_path
from bot.service import Clock, SuggestionService
from bot.store import Store
from bot.training.desk import TrainingDesk
from bot.training.examples import ExampleBook
from bot.training.runs import CandidateFn, TrainingRunner, rasa_candidate
from bot.training.serving import ModelServing, served_archive


def _load(path: Path):
    from bot.nlu.model import NluModel

    return NluModel.load(path)


def training_desk(
    settings: Settings,
    store: Store,
    service: SuggestionService,
    clock: Clock,
    candidate_fn: CandidateFn | None = None,
    restore_served: bool = True,
) -> TrainingDesk:
    """`restore_served` makes a restart serve the model the registry last promoted or rolled
    back to, when the server was not pinned to an archive by HUASHU_MODEL_PATH."""
    serving = ModelServing(store, lambda: service.nlu, service.replace_model, _load, clock)
    chosen = served_archive(store)
    if restore_served and chosen and chosen.name != f"{service.nlu.version}.tar.gz":
        service.replace_model(_load(chosen))
    serving.register_started(
        settings.model_path or chosen or latest_model_path(settings.models_dir)
    )
    store.training.abandon_running(clock())
    data = settings.data_dir
    train = candidate_fn or rasa_candidate(
        settings.config_path, settings.domain_path, data / "rules"
    )
    runner = TrainingRunner(store, serving, data / "nlu", settings.models_dir, train, clock)
    return TrainingDesk(store, ExampleBook(data / "nlu"), runner, serving)
