"""Fixtures shared by every test folder: one real model trained per test session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

PROJECT_DIR = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def trained_model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own config, data and domain, trained once for the whole session. The
    sentence embeddings of the training examples are cached in ~/.cache/huashu (outside the
    repository), so only the first session on a machine embeds all of them."""
    from bot.nlu.model import train_model

    output = tmp_path_factory.mktemp("models")
    return train_model(
        PROJECT_DIR / "config.yml",
        PROJECT_DIR / "data",
        PROJECT_DIR / "domain.yml",
        output,
        "test-session",
    )


@pytest.fixture(scope="session")
def nlu_model(trained_model_path: Path):
    from bot.nlu.model import NluModel

    return NluModel.load(trained_model_path)


# The user's own models/, var/ and data/ must come out of a test run untouched. An audit hook
# sees exactly what this process writes (other people working in the same folder never trip
# it); writes into those folders fail the session with the paths named.
GUARDED_DIRS = tuple(str(PROJECT_DIR / name) + os.sep for name in ("models", "var", "data"))
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
WRITE_EVENTS = {"os.mkdir", "os.remove", "os.rmdir", "os.truncate", "shutil.rmtree"}
repository_writes: set[str] = set()


def _written_paths(event: str, args: tuple) -> tuple:
    if event == "open":
        return (args[0],) if isinstance(args[2], int) and args[2] & WRITE_FLAGS else ()
    if event == "os.rename":
        return args[:2]
    if event in WRITE_EVENTS or event == "sqlite3.connect":
        return args[:1]
    return ()


def _note_repository_writes(event: str, args: tuple) -> None:
    for path in _written_paths(event, args):
        if isinstance(path, (str, bytes, os.PathLike)):
            absolute = os.path.abspath(os.fsdecode(path))
            if (absolute + os.sep).startswith(GUARDED_DIRS):
                repository_writes.add(absolute)


sys.addaudithook(_note_repository_writes)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if repository_writes:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter) -> None:
    if repository_writes:
        terminalreporter.write_sep("=", "tests wrote into the repository's models/, var/ or data/")
        for path in sorted(repository_writes):
            terminalreporter.write_line(f"{path} (use tmp_path)", red=True)
