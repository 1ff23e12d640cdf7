"""`python -m bot agents`: creating console accounts, listing them and changing a password, with
the password piped on standard input (never an argument)."""

from __future__ import annotations

import io
import sqlite3
from datetime import datetime, timezone

import pytest

from bot.cli import main as cli

NOW = datetime(2025, 3, 3, 2, 0, tzinfo=timezone.utc)


@pytest.fixture
def run(tmp_path, shops_dir, monkeypatch):
    db = tmp_path / "var" / "huashu.db"

    def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        out, err = io.StringIO(), io.StringIO()
        argv = ["--db", str(db), "--shops", str(shops_dir), "agents", *args]
        code = cli(argv, clock=lambda: NOW, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    run.db = db
    return run


def create(run, *who: str, name: str, password: str = "pw-12345678"):
    return run("create", *who, "--name", name, "--password-stdin", stdin=password + "\n")


def test_create_an_agent_and_a_trainer_then_list_them_by_creation_then_name(run):
    agent = create(run, "--shop", "demo", name="xiaowang", password="pw-12345678")
    trainer = create(run, "--trainer", name="laoshi", password="pw-87654321")
    assert agent == (
        0,
        "Created account 'xiaowang' (agent of shop 'demo'); log in at /console.\n",
        "",
    )
    assert trainer == (0, "Created account 'laoshi' (trainer); log in at /console.\n", "")
    assert run("list") == (
        0,
        "NAME                    ROLE     SHOP            CREATED (UTC)\n"
        "laoshi                  trainer  -               2025-03-03 02:00:00\n"
        "xiaowang                agent    demo            2025-03-03 02:00:00\n",
        "",
    )


def test_only_an_argon2_hash_of_the_password_is_stored(run):
    create(run, "--shop", "demo", name="xiaowang", password="pw-12345678")
    with sqlite3.connect(run.db) as db:
        [(stored,)] = db.execute("select password_hash from console_accounts").fetchall()
    assert stored.startswith("$argon2id$")
    assert "pw-12345678" not in stored


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["--shop", "nowhere", "--name", "a"], "pw-12345678\n", "error: Unknown shop 'nowhere'"),
        (["--shop", "demo", "--name", "a"], "short\n", "error: The password must be 8 to 256"),
        (["--shop", "demo", "--name", "has space"], "pw-12345678\n", "error: Account name"),
    ],
)
def test_bad_accounts_are_refused_with_a_sentence(run, args, stdin, message):
    code, out, err = run("create", *args, "--password-stdin", stdin=stdin)
    assert (code, out) == (2, "")
    assert err.startswith(message)
    assert run("list")[1].count("\n") == 1


def test_a_duplicate_name_is_refused(run):
    create(run, "--trainer", name="laoshi", password="pw-12345678")
    code, _, err = create(run, "--shop", "demo", name="laoshi", password="pw-12345678")
    assert (code, err) == (
        2,
        "error: An account named 'laoshi' already exists; choose another --name.\n",
    )


def test_without_a_terminal_the_password_must_come_on_stdin(run):
    code, _, err = run("create", "--shop", "demo", "--name", "xiaowang")
    assert (code, err) == (
        2,
        "error: No terminal to ask for the password on: pass --password-stdin.\n",
    )


def test_a_new_password_replaces_the_old_one(run):
    from bot.accounts import Accounts
    from bot.store import Store

    create(run, "--shop", "demo", name="xiaowang", password="pw-12345678")
    store = Store.open(run.db, NOW)
    try:
        session = Accounts(store, lambda: NOW).login("xiaowang", "pw-12345678")
        code, out, _ = run(
            "password", "--name", "xiaowang", "--password-stdin", stdin="pw-new-9999\n"
        )
        assert (code, out) == (
            0,
            "New password set for 'xiaowang'; its open sessions are closed.\n",
        )
        accounts = Accounts(store, lambda: NOW)
        assert accounts.session(session.cookie) is None
        assert accounts.login("xiaowang", "pw-new-9999").session.account.name == "xiaowang"
    finally:
        store.close()
