"""Gated training runs: train a candidate, measure it on the held-out split, promote it only if
the gate passes, one run at a time, in a background thread.

The held-out split is taken from the hand-written topic files only (`stratified_split`, fixed
seed), so examples trainers add are always trained on and never shift the split; a candidate is
trained on everything else, so the model measured is the model served."""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import socket
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bot.evaluation import evaluate, stratified_split
from bot.nlu.data import LabelledText, read_nlu_examples, read_nlu_file, write_nlu_examples
from bot.nlu.understanding import understanding_from_parse
from bot.service import Clock, Nlu
from bot.store import Store
from bot.store.training import FAILED, PROMOTED, REJECTED, ModelRecord, RunRecord
from bot.training.examples import TRAINER_FILE, example_key
from bot.training.gate import GateDecision, decide, report_summary
from bot.training.serving import ModelServing

HELD_OUT_SHARE = 0.2
SPLIT_SEED = 7
CANDIDATES_DIR = "candidates"
# a running run's process writes its heartbeat this often; another process takes a run whose
# heartbeat is older than STALE_AFTER (or whose process is gone, on the same host) as dead
HEARTBEAT_EVERY = timedelta(seconds=5)
STALE_AFTER = timedelta(seconds=60)


def wall_clock() -> datetime:
    """Liveness is about real time, whatever clock the service runs on (tests fix theirs)."""
    return datetime.now(timezone.utc)


def runner_name() -> str:
    """host:pid:token: the token tells apart two runners in one process (tests run several)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def other_process_alive(owner: str | None, heartbeat_at: datetime | None) -> bool:
    if owner is None or heartbeat_at is None:
        return False
    host, pid, *_ = [*owner.split(":"), ""]
    if host == socket.gethostname() and pid.isdigit() and not _pid_alive(int(pid)):
        return False
    return wall_clock() - heartbeat_at < STALE_AFTER


@dataclass(frozen=True)
class Candidate:
    archive: Path
    model: Nlu
    report: dict[str, Any]


# (training examples, held-out examples, archive folder, version) -> the trained, measured model
CandidateFn = Callable[[Sequence[LabelledText], Sequence[LabelledText], Path, str], Candidate]


@dataclass(frozen=True)
class Split:
    train: list[LabelledText]
    held_out: list[LabelledText]
    fingerprint: str


def split_data(nlu_dir: Path) -> Split:
    topics = [e for path in _topic_files(nlu_dir) for e in read_nlu_file(path)]
    _, held_out = stratified_split(topics, HELD_OUT_SHARE, SPLIT_SEED)
    held_keys = {example_key(text) for text, _ in held_out}
    train = [e for e in read_nlu_examples(nlu_dir) if example_key(e[0]) not in held_keys]
    digest = hashlib.sha256("\n".join(f"{t}\t{i}" for t, i in sorted(held_out)).encode())
    return Split(train, held_out, digest.hexdigest()[:16])


def _topic_files(nlu_dir: Path) -> list[Path]:
    return [path for path in sorted(nlu_dir.glob("*.yml")) if path.name != TRAINER_FILE]


def measure(model: Nlu, held_out: Sequence[LabelledText]) -> dict[str, Any]:
    report = evaluate(lambda text: understanding_from_parse(model.parse(text)).intent, held_out)
    return report_summary(report)


def rasa_candidate(config: Path, domain: Path, rules_dir: Path) -> CandidateFn:
    """The real thing: NLU pipeline and rules trained with Rasa, loaded and measured."""

    def train(train_examples, held_out, out_dir: Path, version: str) -> Candidate:
        from bot.nlu.model import NluModel, train_model

        with tempfile.TemporaryDirectory() as workdir:
            data = Path(workdir)
            (data / "nlu").mkdir()
            write_nlu_examples(train_examples, data / "nlu" / "train.yml")
            shutil.copytree(rules_dir, data / "rules")
            archive = train_model(config, data, domain, out_dir, version)
        model = NluModel.load(archive)
        return Candidate(archive, model, measure(model, held_out))

    return train


class TrainingRunner:
    def __init__(
        self,
        store: Store,
        serving: ModelServing,
        nlu_dir: Path,
        models_dir: Path,
        candidate_fn: CandidateFn,
        clock: Clock,
    ) -> None:
        self._store = store
        self._serving = serving
        self._nlu_dir = Path(nlu_dir)
        self._models_dir = Path(models_dir)
        self._candidate_fn = candidate_fn
        self._clock = clock
        self._thread: threading.Thread | None = None
        self._active: set[int] = set()
        self._name = runner_name()

    def start(self) -> RunRecord:
        """Starts a run in the background; a second one while any process runs one is a
        conflict (the rule lives in the database, so it holds across workers)."""
        run = self._claim()
        self._thread = threading.Thread(
            target=self._execute, args=(run.run_id,), name=f"training-run-{run.run_id}"
        )
        self._thread.start()
        return run

    def run_now(self, on_step: Callable[[str, float], None] | None = None) -> RunRecord:
        """The same run in the caller's thread (the CLI), reporting each step."""
        run = self._claim()
        self._execute(run.run_id, on_step)
        return self._store.training.run(run.run_id)

    @property
    def busy(self) -> bool:
        """True while this or any other live process runs a training run."""
        return self._store.training.live_run(self._clock(), self.alive) is not None

    def alive(self, owner: str | None, heartbeat_at: datetime | None) -> bool:
        """Whether the process that owns a run still runs it: this process knows its own runs;
        for another, its pid (same host) and its heartbeat tell."""
        if owner == self._name:
            return bool(self._active)
        return other_process_alive(owner, heartbeat_at)

    def abandon_dead_runs(self) -> None:
        self._store.training.abandon_running(self._clock(), self.alive)

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _claim(self) -> RunRecord:
        run = self._store.training.claim_run(self._clock(), self._name, wall_clock(), self.alive)
        self._active.add(run.run_id)
        return run

    def _execute(self, run_id: int, on_step: Callable[[str, float], None] | None = None) -> None:
        def step(name: str, progress: float) -> None:
            self._store.training.update_run(
                run_id, step=name, progress=progress, heartbeat_at=wall_clock()
            )
            if on_step:
                on_step(name, progress)

        stop = threading.Event()
        heartbeat = threading.Thread(
            target=self._beat, args=(run_id, stop), name=f"training-heartbeat-{run_id}"
        )
        heartbeat.start()
        try:
            status, version = self._gated_run(run_id, step)
            step("done", 1.0)
            self._finish(run_id, status=status, version=version)
        except Exception as error:  # a failed run is reported on the run, the server goes on
            self._finish(run_id, status=FAILED, error=f"{type(error).__name__}: {error}")
        finally:
            stop.set()
            heartbeat.join()
            self._active.discard(run_id)

    def _beat(self, run_id: int, stop: threading.Event) -> None:
        while not stop.wait(HEARTBEAT_EVERY.total_seconds()):
            self._store.training.update_run(run_id, heartbeat_at=wall_clock())

    def _finish(self, run_id: int, **fields: Any) -> None:
        self._store.training.update_run(run_id, finished_at=self._clock(), **fields)

    def _gated_run(self, run_id: int, step: Callable[[str, float], None]) -> tuple[str, str]:
        step("reading data", 0.05)
        split = split_data(self._nlu_dir)
        version = f"huashu-{self._clock():%Y%m%d-%H%M%S}-run{run_id}"
        step(f"training on {len(split.train)} examples", 0.1)
        out_dir = self._models_dir / CANDIDATES_DIR
        candidate = self._candidate_fn(split.train, split.held_out, out_dir, version)
        step(f"comparing with the served model on {len(split.held_out)} held-out examples", 0.8)
        report = {**candidate.report, "split": split.fingerprint}
        decision = self._decide(report, split)
        record = ModelRecord(
            version=version,
            path=str(candidate.archive),
            created_at=self._clock(),
            status=PROMOTED if decision.promoted else REJECTED,
            macro_f1=report["macro_f1"],
            report=report,
            gate=decision.as_dict(),
            run_id=run_id,
        )
        if not decision.promoted:
            self._store.training.save_model(record)
            return REJECTED, version
        step("swapping the served model", 0.95)
        archive = self._models_dir / candidate.archive.name
        shutil.move(candidate.archive, archive)
        self._serving.promote(_with_path(record, archive), candidate.model)
        return PROMOTED, version

    def _decide(self, report: dict[str, Any], split: Split) -> GateDecision:
        served = self._store.training.served_model()
        baseline = served.report if served else None
        if baseline is not None and baseline.get("split") != split.fingerprint:
            # the topic files changed since the served model was measured: measure it again
            baseline = measure(self._serving.current(), split.held_out)
        return decide(report, baseline, served.version if served else None)


def _with_path(record: ModelRecord, path: Path) -> ModelRecord:
    return ModelRecord(**{**record.__dict__, "path": str(path)})
