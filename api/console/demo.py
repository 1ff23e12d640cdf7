"""The demo agent account `make run` announces: created on the first start with a random password,
printed that once and kept in var/demo-agent.password (mode 600) beside the demo key; later
starts name the file. When the file no longer holds the account's password (deleted, or the
password changed with `python -m bot agents password`), a new password is set."""

from __future__ import annotations

import secrets
from datetime import datetime
from pathlib import Path
from typing import TextIO

from api.private_file import write_private
from bot.accounts import Accounts, password_matches
from bot.store import Store
from bot.store.keys import AGENT_ROLE

DEMO_AGENT = "demo-agent"
PASSWORD_FILE = "demo-agent.password"


def ensure_demo_agent(
    db_path: Path, var_dir: Path, shop_id: str, now: datetime
) -> tuple[str, bool]:
    """(the demo agent's password, whether it was just set)."""
    path = var_dir / PASSWORD_FILE
    saved = path.read_text().strip() if path.is_file() else ""
    store = Store.open(db_path, now)
    try:
        found = store.accounts.with_password(DEMO_AGENT)
        if found and saved and password_matches(found[1], saved):
            return saved, False
        password = secrets.token_urlsafe(9)
        accounts = Accounts(store, lambda: now)
        if found:
            accounts.set_password(DEMO_AGENT, password)
        else:
            accounts.create(DEMO_AGENT, password, role=AGENT_ROLE, shop_id=shop_id)
    finally:
        store.close()
    write_private(path, password)
    return password, True


def browser_url(host: str, port: int) -> str:
    """What a browser on this machine opens: a server bound to every interface is reached on
    the loopback address."""
    return f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{port}"


def announce_console(
    host: str, port: int, password: str, created: bool, var_dir: Path, out: TextIO
) -> None:
    """The password in full once, when set; afterwards the file that keeps it."""
    path = var_dir / PASSWORD_FILE
    print(f"Agent console: {browser_url(host, port)}/console", file=out)
    if created:
        print(f"  demo agent login: {DEMO_AGENT} / {password} (saved to {path})", file=out)
    else:
        print(f"  demo agent login: {DEMO_AGENT} (password in {path})", file=out)
