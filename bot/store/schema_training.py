"""Migration for the trainer workflow: key roles, model versions and training runs.

Kept in its own module so schema.py's migration tuple only gains one line."""

from __future__ import annotations

from sqlite_utils import Database


def create_training_tables(db: Database) -> None:
    # existing keys were all shop agent keys, hence the default
    db.execute("alter table api_keys add column role text not null default 'agent'")
    db["model_versions"].create(
        {
            "version": str,
            "path": str,
            "created_at": str,
            "status": str,
            "macro_f1": float,
            "report": str,
            "gate": str,
            "run_id": int,
            "served_at": str,
        },
        pk="version",
        not_null={"created_at", "status"},
        strict=True,
    )
    db["training_runs"].create(
        {
            "id": int,
            "status": str,
            "step": str,
            "progress": float,
            "started_at": str,
            "finished_at": str,
            "version": str,
            "error": str,
        },
        pk="id",
        not_null={"status", "step", "progress", "started_at"},
        strict=True,
    )
