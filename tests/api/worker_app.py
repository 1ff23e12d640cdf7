"""The app factory the two-worker tests give to `uvicorn --workers 2 --factory`: the real app
from HUASHU_* settings, with a quick candidate (a copy of the session's archive) that waits until
the test creates the file HUASHU_TEST_RELEASE, so a run stays in progress as long as needed."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from api.deps import get_settings
from api.logs import configure_logging
from api.main import create_app
from bot.training.runs import Candidate

RELEASE_WAIT_SECONDS = 300


def _candidate(train_examples, held_out, out_dir: Path, version: str) -> Candidate:
    from bot.nlu.model import NluModel

    release = Path(os.environ["HUASHU_TEST_RELEASE"])
    deadline = time.monotonic() + RELEASE_WAIT_SECONDS
    while not release.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    out_dir.mkdir(parents=True, exist_ok=True)
    archive = Path(shutil.copy(os.environ["HUASHU_TEST_ARCHIVE"], out_dir / f"{version}.tar.gz"))
    report = {"accuracy": 1.0, "macro_f1": 1.0, "size": 1, "per_intent_f1": {}}
    return Candidate(archive=archive, model=NluModel.load(archive), report=report)


def create():
    configure_logging()
    return create_app(get_settings(), candidate_fn=_candidate)
