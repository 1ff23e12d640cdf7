"""bot.settings: the one place the API, the CLI and the action server read paths from."""

from __future__ import annotations

from pathlib import Path

from api.settings import Settings
from bot import settings
from bot.cli import build_parser


def test_defaults(monkeypatch):
    for name in (settings.SHOPS_DIR_ENV, settings.DB_PATH_ENV, settings.FOLLOWUP_DB_ENV):
        monkeypatch.delenv(name, raising=False)
    assert (settings.shops_dir(), settings.db_path(), settings.followup_db()) == (
        Path("data/shops"),
        Path("var/huashu.db"),
        None,
    )
    assert (Settings().shops_dir, Settings().db_path) == (Path("data/shops"), Path("var/huashu.db"))


def test_environment_wins_everywhere(monkeypatch, tmp_path):
    monkeypatch.setenv("HUASHU_SHOPS_DIR", str(tmp_path / "shops"))
    monkeypatch.setenv("HUASHU_DB_PATH", str(tmp_path / "h.db"))
    monkeypatch.setenv("HUASHU_FOLLOWUP_DB", str(tmp_path / "f.db"))
    args = build_parser().parse_args(["keys", "list"])
    assert (args.shops, args.db) == (tmp_path / "shops", tmp_path / "h.db")
    assert (Settings().shops_dir, Settings().db_path) == (tmp_path / "shops", tmp_path / "h.db")
    assert settings.followup_db() == tmp_path / "f.db"
