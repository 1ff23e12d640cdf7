"""Migration for several server processes on one database: the served model as one row every
worker reads, the owner and heartbeat of each training run, and which key is the demo key."""

from __future__ import annotations

from sqlite_utils import Database


def create_serving_tables(db: Database) -> None:
    # one row (id 1); generation grows by one on every switch, so a worker notices a rollback to
    # the version it already had loaded before the switch it missed
    db["served_model"].create(
        {"id": int, "version": str, "generation": int, "switched_at": str},
        pk="id",
        not_null={"version", "generation", "switched_at"},
        strict=True,
    )
    db.execute(
        "insert into served_model (id, version, generation, switched_at) "
        "select 1, version, 1, served_at from model_versions where served_at is not null "
        "order by served_at desc limit 1"
    )
    # owner: "host:pid:token" of the runner running it; heartbeat_at: wall-clock UTC, refreshed
    # while it runs, so another process can tell a live run from one whose process died
    db.execute("alter table training_runs add column owner text")
    db.execute("alter table training_runs add column heartbeat_at text")
    # 'demo' marks the key `python -m api` made for the demo shop, so the next one it makes
    # (the key file was replaced or lost) can revoke it; null for keys made by hand
    db.execute("alter table api_keys add column purpose text")
