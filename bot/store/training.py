"""Model versions, training runs and the rows behind the review queue."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.errors import ConflictError, NotFoundError
from bot.store.timestamps import from_text, to_text

PROMOTED, REJECTED, EXTERNAL = "promoted", "rejected", "external"
RUNNING, FAILED = "running", "failed"
# SQLite's INTEGER range: a larger run id can be asked for, never stored
MAX_ROW_ID = 2**63 - 1

# (owner, heartbeat_at) of a running run -> whether its process is still alive
Liveness = Callable[[str | None, datetime | None], bool]


@dataclass(frozen=True)
class ServedState:
    """The row every server process reads to know which model to serve."""

    version: str
    generation: int
    path: str | None


@dataclass(frozen=True)
class ModelRecord:
    version: str
    path: str | None
    created_at: datetime
    # promoted / rejected by the gate, or external: trained outside it (`make train`)
    status: str
    macro_f1: float | None = None
    report: dict[str, Any] | None = None
    gate: dict[str, Any] | None = None
    run_id: int | None = None
    served_at: datetime | None = None


@dataclass(frozen=True)
class RunRecord:
    run_id: int
    status: str
    step: str
    progress: float
    started_at: datetime
    finished_at: datetime | None = None
    version: str | None = None
    error: str | None = None
    owner: str | None = None
    heartbeat_at: datetime | None = None


@dataclass(frozen=True)
class ReviewRow:
    text: str
    intent: str
    confidence: float | None
    intent_ranking: list[dict[str, Any]]
    fallback: bool
    verdict: str | None
    created_at: str


def _model(row: dict) -> ModelRecord:
    return ModelRecord(
        version=row["version"],
        path=row["path"],
        created_at=from_text(row["created_at"]),
        status=row["status"],
        macro_f1=row["macro_f1"],
        report=json.loads(row["report"]) if row["report"] else None,
        gate=json.loads(row["gate"]) if row["gate"] else None,
        run_id=row["run_id"],
        served_at=from_text(row["served_at"]),
    )


def run_from_row(row: dict) -> RunRecord:
    """A training run as its `training_runs` row holds it (the console's list reads it too)."""
    return RunRecord(
        run_id=row["id"],
        status=row["status"],
        step=row["step"],
        progress=row["progress"],
        started_at=from_text(row["started_at"]),
        finished_at=from_text(row["finished_at"]),
        version=row["version"],
        error=row["error"],
        owner=row["owner"],
        heartbeat_at=from_text(row["heartbeat_at"]),
    )


# fallbacks, top-2 margins under the threshold, and drafts the agent edited or rejected
_REVIEW_SQL = """
select * from (
    select m.text, s.intent, s.confidence, s.intent_ranking, s.fallback, s.created_at,
        (select f.action from feedback f where f.suggestion_id = s.id
            and f.action in ('edited', 'rejected') order by f.id limit 1) as verdict,
        json_extract(s.intent_ranking, '$[0].confidence')
            - coalesce(json_extract(s.intent_ranking, '$[1].confidence'), 0) as margin
    from suggestions s join messages m on m.id = s.message_id
)
where fallback = 1 or verdict is not null or margin < ?
order by created_at
"""


class TrainingStore:
    def __init__(self, db: Database, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock

    def save_model(self, model: ModelRecord) -> ModelRecord:
        row = {
            "version": model.version,
            "path": model.path,
            "created_at": to_text(model.created_at),
            "status": model.status,
            "macro_f1": model.macro_f1,
            "report": json.dumps(model.report) if model.report is not None else None,
            "gate": json.dumps(model.gate, ensure_ascii=False) if model.gate else None,
            "run_id": model.run_id,
            "served_at": to_text(model.served_at) if model.served_at else None,
        }
        with self._lock:
            self._db["model_versions"].upsert(row, pk="version")
        return model

    def model(self, version: str) -> ModelRecord:
        with self._lock:
            rows = list(self._db.query("select * from model_versions where version = ?", [version]))
        if not rows:
            raise NotFoundError(f"No model has the version {version!r}.", code="model_not_found")
        return _model(rows[0])

    def models(self) -> list[ModelRecord]:
        with self._lock:
            rows = self._db.query("select * from model_versions order by created_at, version")
            return [_model(row) for row in rows]

    def served(self) -> ServedState | None:
        """One indexed row: cheap enough for every worker to read once a second."""
        sql = (
            "select s.version, s.generation, m.path from served_model s"
            " left join model_versions m on m.version = s.version where s.id = 1"
        )
        with self._lock:
            rows = list(self._db.query(sql))
        return ServedState(**rows[0]) if rows else None

    def served_model(self) -> ModelRecord | None:
        state = self.served()
        return self.model(state.version) if state else None

    def mark_served(self, version: str, now: datetime) -> int:
        """Makes `version` the served model for every process; the new generation."""
        with self._lock, self._db.atomic():
            self._db.execute(
                "update model_versions set served_at = ? where version = ?", [to_text(now), version]
            )
            self._db.execute(
                "insert into served_model (id, version, generation, switched_at)"
                " values (1, :version, 1, :now) on conflict (id) do update set"
                " version = :version, generation = generation + 1, switched_at = :now",
                {"version": version, "now": to_text(now)},
            )
            row = self._db.execute("select generation from served_model where id = 1").fetchone()
        return row[0]

    def claim_run(
        self, now: datetime, owner: str, heartbeat: datetime, alive: Liveness
    ) -> RunRecord:
        """Starts a run unless a live one exists, in one write transaction, so two processes
        asking at once get one run and one conflict. Runs whose process died are failed first."""
        with self._lock:
            self._db.execute("begin immediate")
            try:
                self._fail_dead(now, alive)
                if self._running():
                    raise ConflictError(
                        "A training run is already in progress; wait for it to finish.",
                        "run_in_progress",
                    )
                run_id = self._db.execute(
                    "insert into training_runs"
                    " (status, step, progress, started_at, owner, heartbeat_at)"
                    " values (?, 'queued', 0.0, ?, ?, ?)",
                    [RUNNING, to_text(now), owner, to_text(heartbeat)],
                ).lastrowid
                self._db.execute("commit")
            except BaseException:
                self._db.execute("rollback")
                raise
        return self.run(run_id)

    def live_run(self, now: datetime, alive: Liveness) -> RunRecord | None:
        return next((run for run in self._running() if alive(run.owner, run.heartbeat_at)), None)

    def _running(self) -> list[RunRecord]:
        rows = self._db.query("select * from training_runs where status = ?", [RUNNING])
        return [run_from_row(row) for row in rows]

    def update_run(self, run_id: int, **fields: Any) -> None:
        for name in ("finished_at", "heartbeat_at"):
            if isinstance(fields.get(name), datetime):
                fields[name] = to_text(fields[name])
        with self._lock:
            self._db["training_runs"].update(run_id, fields)

    def run(self, run_id: int) -> RunRecord:
        rows = []
        if 0 < run_id <= MAX_ROW_ID:
            with self._lock:
                rows = list(self._db.query("select * from training_runs where id = ?", [run_id]))
        if not rows:
            raise NotFoundError(f"No training run has the id {run_id}.", code="run_not_found")
        return run_from_row(rows[0])

    def abandon_running(self, now: datetime, alive: Liveness) -> None:
        """Fails the runs whose process died (a crash, a restart); another process's live run
        is left alone."""
        with self._lock, self._db.atomic():
            self._fail_dead(now, alive)

    def _fail_dead(self, now: datetime, alive: Liveness) -> None:
        for run in self._running():
            if not alive(run.owner, run.heartbeat_at):
                self._db.execute(
                    "update training_runs set status = ?, error = ?, finished_at = ? where id = ?",
                    [FAILED, "the server stopped during the run", to_text(now), run.run_id],
                )

    def review_rows(self, max_margin: float) -> list[ReviewRow]:
        with self._lock:
            rows = list(self._db.query(_REVIEW_SQL, [max_margin]))
        return [
            ReviewRow(
                text=row["text"],
                intent=row["intent"],
                confidence=row["confidence"],
                intent_ranking=json.loads(row["intent_ranking"] or "[]"),
                fallback=bool(row["fallback"]),
                verdict=row["verdict"],
                created_at=row["created_at"],
            )
            for row in rows
        ]
