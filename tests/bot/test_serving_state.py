"""The state several server processes share lives in the database: the served model (one row
with a generation), and training runs with their owner and heartbeat."""

from __future__ import annotations

import socket
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.errors import ConflictError
from bot.store import Store
from bot.store.training import EXTERNAL, FAILED, RUNNING, ModelRecord
from bot.training.runs import other_process_alive
from bot.training.serving import ModelServing

NOW = datetime(2025, 3, 3, 2, 0, tzinfo=timezone.utc)


@dataclass
class Fake:
    version: str


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "huashu.db"


@pytest.fixture
def store(db_path):
    opened = Store.open(db_path, NOW)
    yield opened
    opened.close()


def register(store: Store, version: str, path: Path | None = None) -> None:
    store.training.save_model(ModelRecord(version, str(path) if path else None, NOW, EXTERNAL))


def test_every_switch_grows_the_generation(store, tmp_path):
    register(store, "a", tmp_path / "a.tar.gz")
    register(store, "b")
    assert store.training.served() is None
    assert [store.training.mark_served(v, NOW) for v in ("a", "b", "a")] == [1, 2, 3]
    state = store.training.served()
    assert (state.version, state.generation, state.path) == ("a", 3, str(tmp_path / "a.tar.gz"))
    assert store.training.served_model().version == "a"


class Holder:
    def __init__(self, model) -> None:
        self.model = model

    def swap(self, model) -> None:
        self.model = model


def serving_on(db_path: Path, started: str, loads: list[Path]):
    store = Store.open(db_path, NOW)
    holder = Holder(Fake(started))

    def load(path: Path):
        loads.append(path)
        return Fake(path.name.removesuffix(".tar.gz"))

    serving = ModelServing(
        store, lambda: holder.model, holder.swap, load, lambda: NOW, check_every=0
    )
    return store, holder, serving


def test_a_second_process_follows_promotions_and_rollbacks(db_path, tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.tar.gz").write_text("archive")
    loads: list[Path] = []
    first, first_holder, first_serving = serving_on(db_path, "a", loads)
    second, second_holder, second_serving = serving_on(db_path, "a", loads)
    try:
        register(first, "a", tmp_path / "a.tar.gz")
        first_serving.register_started(tmp_path / "a.tar.gz")
        second_serving.register_started(tmp_path / "a.tar.gz")
        first_serving.promote(
            ModelRecord("b", str(tmp_path / "b.tar.gz"), NOW, "promoted"), Fake("b")
        )
        second_serving.sync()
        after_promotion = (first_holder.model.version, second_holder.model.version)
        second_serving.rollback("a")
        first_serving.sync()
        after_rollback = (first_holder.model.version, second_holder.model.version)
        first_serving.sync()
    finally:
        first.close()
        second.close()
    assert (after_promotion, after_rollback) == (("b", "b"), ("a", "a"))
    # the second loads b (following), then a (its own rollback); the first loads a (following),
    # once: its last sync finds nothing new
    assert loads == [tmp_path / "b.tar.gz", tmp_path / "a.tar.gz", tmp_path / "a.tar.gz"]


def alive(owner, heartbeat_at) -> bool:
    return owner == "here"


def test_one_run_at_a_time_across_processes(store):
    run = store.training.claim_run(NOW, "here", NOW, alive)
    with pytest.raises(ConflictError, match="already in progress"):
        store.training.claim_run(NOW, "there", NOW, alive)
    assert [r.run_id for r in [store.training.run(run.run_id)]] == [1]
    assert store.training.live_run(NOW, alive).run_id == run.run_id


def test_a_run_whose_process_died_is_failed_and_a_live_one_kept(store):
    dead = store.training.claim_run(NOW, "gone", NOW, lambda *_: True)
    store.training.abandon_running(NOW, lambda owner, _: owner != "gone")
    live = store.training.claim_run(NOW, "here", NOW, alive)
    store.training.abandon_running(NOW, alive)
    statuses = (store.training.run(dead.run_id).status, store.training.run(live.run_id).status)
    assert statuses == (FAILED, RUNNING)
    assert store.training.run(dead.run_id).error == "the server stopped during the run"


def test_liveness_of_another_process():
    host, wall = socket.gethostname(), datetime.now(timezone.utc)
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)  # fmt: skip
    gone_pid = int(finished.stdout)
    assert other_process_alive(f"{host}:{gone_pid}:t", wall) is False
    assert other_process_alive(f"other-host:{gone_pid}:t", wall) is True
    assert other_process_alive("other-host:1:t", wall - timedelta(seconds=61)) is False
    assert other_process_alive(None, None) is False


def test_the_cli_names_the_served_model_and_its_archive(store, db_path, tmp_path):
    import io

    from bot.cli import main as cli

    archive = tmp_path / "b.tar.gz"
    archive.write_text("archive")
    register(store, "a")
    register(store, "b", archive)
    store.training.mark_served("b", NOW)

    def run(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = cli(["--db", str(db_path), "models", *args], out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    assert run("served") == (0, "b\n", "")
    assert run("served", "--path") == (0, f"{archive}\n", "")
    listed = run("list")[1].splitlines()
    assert [line.split()[0] for line in listed if line.rstrip().endswith("*")] == ["b"]


def test_the_cli_says_when_nothing_is_served(db_path):
    import io

    from bot.cli import main as cli

    out, err = io.StringIO(), io.StringIO()
    code = cli(["--db", str(db_path), "models", "served", "--path"], out=out, err=err)
    assert (code, out.getvalue()) == (2, "")
    assert err.getvalue() == (
        f"error: No model is served yet in {db_path}: start the API once (`make run`).\n"
    )
