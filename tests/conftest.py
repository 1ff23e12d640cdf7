"""Fixtures shared by every test folder: one real model trained per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

PROJECT_DIR = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def trained_model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own config, data and domain, trained once for the whole session (~30 s)."""
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
