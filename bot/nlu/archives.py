"""Where trained models live: `.tar.gz` archives in a folder, newest by modification time.
Kept apart from `bot.nlu.model` so finding a model does not import Rasa (seconds)."""

from __future__ import annotations

from pathlib import Path

MODEL_SUFFIX = ".tar.gz"


def latest_model_path(models_dir: str | Path) -> Path | None:
    archives = sorted(
        Path(models_dir).glob(f"*{MODEL_SUFFIX}"), key=lambda path: path.stat().st_mtime
    )
    return archives[-1] if archives else None


def model_version(path: str | Path) -> str:
    return Path(path).name.removesuffix(MODEL_SUFFIX)
