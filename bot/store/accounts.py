"""Console accounts (agents of one shop, trainers of all), their sessions and failed logins.

Only hashes are kept: the password's argon2 hash (made by bot.accounts) and a SHA-256 of each
session token, so a copy of the database opens no session."""

from __future__ import annotations

import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.errors import ConflictError, NotFoundError
from bot.store.timestamps import from_text, to_text


@dataclass(frozen=True)
class Account:
    """`shop_id` is None for a trainer: trainers work on the model, which all shops share."""

    account_id: str
    name: str
    role: str
    shop_id: str | None
    created_at: datetime


@dataclass(frozen=True)
class SessionRow:
    account: Account
    csrf_token: str
    expires_at: datetime


def _account(row: dict) -> Account:
    return Account(
        account_id=row["id"],
        name=row["name"],
        role=row["role"],
        shop_id=row["shop_id"],
        created_at=from_text(row["created_at"]),
    )


_SESSION = """
select a.*, s.csrf_token, s.expires_at from console_sessions s
join console_accounts a on a.id = s.account_id
where s.token_hash = ? and s.expires_at > ?
"""


class AccountStore:
    def __init__(self, db: Database, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock

    def create(
        self, name: str, role: str, shop_id: str | None, password_hash: str, now: datetime
    ) -> Account:
        row = {
            "id": f"ac_{secrets.token_hex(6)}",
            "name": name,
            "role": role,
            "shop_id": shop_id,
            "password_hash": password_hash,
            "created_at": to_text(now),
        }
        try:
            with self._lock:
                self._db["console_accounts"].insert(row)
        except sqlite3.IntegrityError:
            message = f"An account named {name!r} already exists; choose another --name."
            raise ConflictError(message, code="account_exists") from None
        return _account(row)

    def with_password(self, name: str) -> tuple[Account, str] | None:
        """The account and its password hash, for checking a login."""
        with self._lock:
            rows = list(self._db.query("select * from console_accounts where name = ?", [name]))
        return (_account(rows[0]), rows[0]["password_hash"]) if rows else None

    def set_password(self, name: str, password_hash: str) -> None:
        with self._lock, self._db.atomic():
            cursor = self._db.execute(
                "update console_accounts set password_hash = ? where name = ?",
                [password_hash, name],
            )
            if cursor.rowcount == 0:
                raise NotFoundError(f"No account is named {name!r}.", code="account_not_found")
            self._db.execute(
                "delete from console_sessions where account_id in"
                " (select id from console_accounts where name = ?)",
                [name],
            )

    def list(self) -> list[Account]:
        with self._lock:
            rows = self._db.query("select * from console_accounts order by created_at, name")
            return [_account(row) for row in rows]

    def open_session(
        self, account_id: str, token_hash: str, csrf_token: str, now: datetime, expires: datetime
    ) -> None:
        row = {
            "token_hash": token_hash,
            "account_id": account_id,
            "csrf_token": csrf_token,
            "created_at": to_text(now),
            "expires_at": to_text(expires),
        }
        with self._lock, self._db.atomic():
            self._db.execute("delete from console_sessions where expires_at <= ?", [to_text(now)])
            self._db["console_sessions"].insert(row)

    def session(self, token_hash: str, now: datetime) -> SessionRow | None:
        with self._lock:
            rows = list(self._db.query(_SESSION, [token_hash, to_text(now)]))
        if not rows:
            return None
        row = rows[0]
        return SessionRow(_account(row), row["csrf_token"], from_text(row["expires_at"]))

    def close_session(self, token_hash: str) -> None:
        with self._lock, self._db.atomic():
            self._db.execute("delete from console_sessions where token_hash = ?", [token_hash])

    def record_failure(self, name: str, now: datetime) -> None:
        with self._lock, self._db.atomic():
            self._db["console_login_failures"].insert({"name": name, "failed_at": to_text(now)})

    def failures_since(self, name: str, since: datetime) -> list[datetime]:
        """Failed logins for this name since `since`, oldest first."""
        sql = (
            "select failed_at from console_login_failures where name = ? and failed_at > ?"
            " order by failed_at"
        )
        with self._lock:
            rows = self._db.execute(sql, [name, to_text(since)]).fetchall()
        return [from_text(row[0]) for row in rows]

    def clear_failures(self, name: str) -> None:
        with self._lock, self._db.atomic():
            self._db.execute("delete from console_login_failures where name = ?", [name])

    def secret(self, name: str, now: datetime) -> str:
        """A named random secret, made once: every worker that asks gets the same one."""
        with self._lock, self._db.atomic():
            self._db.execute(
                "insert into console_secrets (name, value, created_at) values (?, ?, ?)"
                " on conflict (name) do nothing",
                [name, secrets.token_urlsafe(32), to_text(now)],
            )
            row = self._db.execute(
                "select value from console_secrets where name = ?", [name]
            ).fetchone()
        return row[0]
