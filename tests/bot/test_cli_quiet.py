"""`python -m bot train` is quiet by default: its own lines only, nothing from Rasa, TensorFlow
or jieba on the process's stdout and stderr."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

from bot.cli import main
from tests.training_data import small_data

PROJECT_DIR = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def test_train_prints_one_line_per_step_and_nothing_from_the_libraries(
    tmp_path, capfd, monkeypatch
):
    for variable in ("LOG_LEVEL", "LOG_LEVEL_LIBRARIES"):
        monkeypatch.delenv(variable, raising=False)  # restored after the test
    data, models = small_data(tmp_path / "data", 10, rules=True), tmp_path / "models"
    out, err = io.StringIO(), io.StringIO()
    argv = ["train", "--data", str(data), "--models", str(models)]
    code = main(argv, clock=lambda: NOW, out=out, err=err)
    archive = models / "huashu-20261123-090000.tar.gz"
    assert (code, out.getvalue()) == (0, f"{archive}\n")
    config = PROJECT_DIR / "config.yml"
    assert err.getvalue() == f"training huashu-20261123-090000 from {data} with {config} ...\n"
    assert capfd.readouterr() == ("", "")
    assert archive.is_file()
