"""Which model serves: registering versions, promoting a candidate and rolling back, each a hot
swap of the service's model reference (requests already holding the old model finish on it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from bot.errors import ConflictError, NotFoundError
from bot.service import Clock, Nlu
from bot.store import Store
from bot.store.training import EXTERNAL, ModelRecord

LoadFn = Callable[[Path], Nlu]


def served_archive(store: Store) -> Path | None:
    """The archive the registry says is served, if it is still on disk: a restart serves the
    model the trainers chose, not merely the newest file in models/."""
    served = store.training.served_model()
    return Path(served.path) if served and served.path and Path(served.path).is_file() else None


class ModelServing:
    def __init__(
        self,
        store: Store,
        current: Callable[[], Nlu],
        swap: Callable[[Nlu], None],
        load: LoadFn,
        clock: Clock,
    ) -> None:
        self._store = store
        self._current = current
        self._swap = swap
        self._load = load
        self._clock = clock

    def current(self) -> Nlu:
        return self._current()

    def register_started(self, path: Path | None) -> ModelRecord:
        """Records the model the server started with; one trained outside the gate is kept as
        `external`, without a report."""
        version, now = self._current().version, self._clock()
        try:
            record = self._store.training.model(version)
        except NotFoundError:
            record = None
        if record is None:
            record = ModelRecord(version, str(path) if path else None, now, EXTERNAL)
            self._store.training.save_model(record)
        served = self._store.training.served_model()
        if served is None or served.version != version:
            self._store.training.mark_served(version, now)
        return self._store.training.model(version)

    def promote(self, record: ModelRecord, model: Nlu) -> ModelRecord:
        self._store.training.save_model(record)
        return self._serve(record.version, model, self._clock())

    def rollback(self, version: str) -> ModelRecord:
        record = self._store.training.model(version)
        if not record.path or not Path(record.path).is_file():
            raise ConflictError(
                f"Model {version} has no archive on disk ({record.path}); it cannot be served.",
                "archive_missing",
            )
        return self._serve(version, self._load(Path(record.path)), self._clock())

    def _serve(self, version: str, model: Nlu, now: datetime) -> ModelRecord:
        # the swap happens after loading, so requests never wait for a model to load
        self._swap(model)
        self._store.training.mark_served(version, now)
        return self._store.training.model(version)

    def models(self) -> list[ModelRecord]:
        return self._store.training.models()
