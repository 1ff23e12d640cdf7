"""Every command that reads the database says so in a sentence, exit 2, when it cannot open it."""

from __future__ import annotations

import io

import pytest

from bot.cli import main


@pytest.mark.parametrize(
    "command",
    [
        ["keys", "list"],
        ["agents", "list"],
        ["models", "list"],
        ["models", "served"],
        ["models", "rollback", "huashu-20261130-120000"],
        ["report", "--shop", "demo", "--since", "2026-11-24", "--until", "2026-11-30"],
    ],
)
def test_a_database_that_cannot_be_opened_is_a_sentence(tmp_path, command):
    folder = tmp_path / "not-a-file"
    folder.mkdir()
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", str(folder), *command], out=out, err=err)
    assert (code, out.getvalue(), err.getvalue()) == (
        2,
        "",
        f"error: Cannot open the database {folder}: unable to open database file.\n",
    )
