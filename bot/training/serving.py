"""Which model serves: registering versions, promoting a candidate and rolling back.

The served version lives in the database (one row, with a generation that grows on every switch),
so every server process and the CLI agree on it. The process that switches swaps its own model
at once; every other process notices on its first request once `check_every` seconds have passed
since its last check (`sync`), loads the archive and swaps (requests already holding the old model
finish on it)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from bot.errors import ConflictError, NotFoundError
from bot.service import Clock, Nlu
from bot.store import Store
from bot.store.training import EXTERNAL, ModelRecord, ServedState

LoadFn = Callable[[Path], Nlu]
CHECK_EVERY_SECONDS = 1.0

logger = logging.getLogger("huashu.serving")


def served_archive(store: Store) -> Path | None:
    """The archive the registry says is served, if it is still on disk: a restart serves the
    model the trainers chose, not merely the newest file in models/."""
    state = store.training.served()
    return _archive(state)


def _archive(state: ServedState | None) -> Path | None:
    return Path(state.path) if state and state.path and Path(state.path).is_file() else None


class ModelServing:
    def __init__(
        self,
        store: Store,
        current: Callable[[], Nlu],
        swap: Callable[[Nlu], None],
        load: LoadFn,
        clock: Clock,
        *,
        check_every: float = CHECK_EVERY_SECONDS,
    ) -> None:
        self._store = store
        self._current = current
        self._swap = swap
        self._load = load
        self._clock = clock
        self._check_every = check_every
        self._generation = 0
        self._checked_at = float("-inf")
        self._sync_lock = threading.Lock()
        self._loading = False

    def current(self) -> Nlu:
        return self._current()

    def served_version(self) -> str:
        """The version every process serves (or is about to, within `check_every` seconds)."""
        state = self._store.training.served()
        return state.version if state else self._current().version

    def register_started(self, path: Path | None, *, pinned: bool = False) -> ModelRecord:
        """Records the model this process started with (one trained outside the gate is kept as
        `external`, without a report). It becomes the served model when the registry has none
        or cannot load its choice, or when the process was pinned to it (HUASHU_MODEL_PATH)."""
        version, now = self._current().version, self._clock()
        try:
            self._store.training.model(version)
        except NotFoundError:
            record = ModelRecord(version, str(path) if path else None, now, EXTERNAL)
            self._store.training.save_model(record)
        state = self._store.training.served()
        unusable = state is None or (state.version != version and _archive(state) is None)
        if pinned and (state is None or state.version != version) or unusable:
            self._generation = self._store.training.mark_served(version, now)
        elif state is not None and state.version == version:
            self._generation = state.generation
        self._checked_at = time.monotonic()
        return self._store.training.model(version)

    def due(self) -> bool:
        """Whether `sync` has anything to do: a check is due or a model is being loaded."""
        return self._loading or time.monotonic() - self._checked_at >= self._check_every

    def sync(self) -> None:
        """At most once per `check_every` seconds: serve what the database says is served.
        While one request loads a newly switched model, the others wait for it rather than
        answer with the old one, so no answer comes from a model older than the last check."""
        if not self.due():
            return
        with self._sync_lock:
            if time.monotonic() - self._checked_at < self._check_every:
                return
            state = self._store.training.served()
            if state is not None and state.generation != self._generation:
                self._loading = True
                try:
                    self._follow(state)
                finally:
                    self._loading = False
            self._checked_at = time.monotonic()

    def _follow(self, state: ServedState) -> None:
        if state.version != self._current().version:
            archive = _archive(state)
            if archive is None:
                logger.error("served model %s has no archive on disk; kept the current model",
                             state.version)  # fmt: skip
            else:
                self._swap(self._load(archive))
        self._generation = state.generation

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
        # the swap happens after loading, so requests never wait for a model to load; the
        # database switch first, so no process can read an older choice after this one swaps
        with self._sync_lock:
            self._generation = self._store.training.mark_served(version, now)
            self._swap(model)
        return self._store.training.model(version)

    def models(self) -> list[ModelRecord]:
        return self._store.training.models()
