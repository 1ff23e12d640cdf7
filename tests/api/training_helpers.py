"""Shared by the trainer-workflow API tests: a trainer key and a private copy of data/."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from bot.cli import main as cli

PROJECT_DIR = Path(__file__).resolve().parents[2]


def trainer_headers(settings) -> dict[str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli(["--db", str(settings.db_path), "keys", "create", "--trainer"], out=out, err=err)
    assert code == 0, err.getvalue()
    return {"X-API-Key": out.getvalue().strip()}


def copy_data(tmp_path: Path) -> Path:
    """Tests write examples to a copy; the real data/nlu is never touched."""
    target = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data" / "nlu", target / "nlu")
    shutil.copytree(PROJECT_DIR / "data" / "rules", target / "rules")
    return target
