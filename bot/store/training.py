"""Model versions, training runs and the rows behind the review queue."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.errors import NotFoundError
from bot.store.timestamps import from_text, to_text

PROMOTED, REJECTED, EXTERNAL = "promoted", "rejected", "external"
RUNNING, FAILED = "running", "failed"


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


def _run(row: dict) -> RunRecord:
    return RunRecord(
        run_id=row["id"],
        status=row["status"],
        step=row["step"],
        progress=row["progress"],
        started_at=from_text(row["started_at"]),
        finished_at=from_text(row["finished_at"]),
        version=row["version"],
        error=row["error"],
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

    def served_model(self) -> ModelRecord | None:
        sql = "select * from model_versions where served_at is not null order by served_at desc"
        with self._lock:
            rows = list(self._db.query(sql + " limit 1"))
        return _model(rows[0]) if rows else None

    def mark_served(self, version: str, now: datetime) -> None:
        with self._lock, self._db.atomic():
            self._db.execute(
                "update model_versions set served_at = ? where version = ?", [to_text(now), version]
            )

    def start_run(self, now: datetime) -> RunRecord:
        row = {"status": RUNNING, "step": "queued", "progress": 0.0, "started_at": to_text(now)}
        with self._lock:
            run_id = self._db["training_runs"].insert(row).last_pk
        return self.run(run_id)

    def update_run(self, run_id: int, **fields: Any) -> None:
        if isinstance(fields.get("finished_at"), datetime):
            fields["finished_at"] = to_text(fields["finished_at"])
        with self._lock:
            self._db["training_runs"].update(run_id, fields)

    def run(self, run_id: int) -> RunRecord:
        with self._lock:
            rows = list(self._db.query("select * from training_runs where id = ?", [run_id]))
        if not rows:
            raise NotFoundError(f"No training run has the id {run_id}.", code="run_not_found")
        return _run(rows[0])

    def abandon_running(self, now: datetime) -> None:
        """A run still 'running' when the process starts died with the previous process."""
        with self._lock, self._db.atomic():
            self._db.execute(
                "update training_runs set status = ?, error = ?, finished_at = ? where status = ?",
                [FAILED, "the server stopped during the run", to_text(now), RUNNING],
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
