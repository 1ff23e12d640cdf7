"""`make run`'s demo agent: created once with a random password kept private in var/, reused on
later starts, replaced when the file no longer holds the password; announced once in full."""

from __future__ import annotations

import io
import stat
from datetime import datetime, timezone

from api.console.demo import announce_console, ensure_demo_agent
from bot.accounts import Accounts
from bot.store import Store

NOW = datetime(2025, 3, 3, 2, 0, tzinfo=timezone.utc)


def test_the_demo_agent_is_created_once_then_reused(tmp_path):
    db, var = tmp_path / "var" / "huashu.db", tmp_path / "var"
    password, created = ensure_demo_agent(db, var, "demo", NOW)
    again, created_again = ensure_demo_agent(db, var, "demo", NOW)
    assert (created, created_again, again) == (True, False, password)
    path = var / "demo-agent.password"
    assert path.read_text() == password + "\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    store = Store.open(db, NOW)
    try:
        session = Accounts(store, lambda: NOW).login("demo-agent", password).session
    finally:
        store.close()
    assert (session.account.role, session.account.shop_id) == ("agent", "demo")


def test_a_lost_password_file_gets_a_new_password(tmp_path):
    db, var = tmp_path / "huashu.db", tmp_path / "var"
    first, _ = ensure_demo_agent(db, var, "demo", NOW)
    (var / "demo-agent.password").unlink()
    second, created = ensure_demo_agent(db, var, "demo", NOW)
    assert created and second != first
    store = Store.open(db, NOW)
    try:
        assert [a.name for a in Accounts(store, lambda: NOW).list()] == ["demo-agent"]
    finally:
        store.close()


def test_the_password_is_printed_in_full_only_when_set(tmp_path):
    created, reused = io.StringIO(), io.StringIO()
    announce_console("127.0.0.1", 8000, "s3cret-pw", True, tmp_path, created)
    announce_console("127.0.0.1", 8000, "s3cret-pw", False, tmp_path, reused)
    path = tmp_path / "demo-agent.password"
    assert created.getvalue() == (
        "Agent console: http://127.0.0.1:8000/console\n"
        f"  demo agent login: demo-agent / s3cret-pw (saved to {path})\n"
    )
    assert reused.getvalue() == (
        "Agent console: http://127.0.0.1:8000/console\n"
        f"  demo agent login: demo-agent (password in {path})\n"
    )
