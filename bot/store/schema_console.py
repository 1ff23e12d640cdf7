"""Tables of the agent console (a migration appended to bot.store.schema): login accounts, their
sessions, failed logins (the lock-out counts them, so every worker sees the same count), the
session-signing secret, and the reasons agents give when they reject a draft."""

from __future__ import annotations

from sqlite_utils import Database


def create_console_tables(db: Database) -> None:
    db["console_accounts"].create(
        {
            "id": str,
            "name": str,
            "role": str,
            "shop_id": str,
            "password_hash": str,
            "created_at": str,
        },
        pk="id",
        not_null={"name", "role", "password_hash", "created_at"},
        strict=True,
    )
    db["console_accounts"].create_index(["name"], unique=True)
    db["console_sessions"].create(
        {
            "token_hash": str,
            "account_id": str,
            "csrf_token": str,
            "created_at": str,
            "expires_at": str,
        },
        pk="token_hash",
        foreign_keys=[("account_id", "console_accounts", "id")],
        not_null={"account_id", "csrf_token", "created_at", "expires_at"},
        strict=True,
    )
    db["console_sessions"].create_index(["account_id"])
    db["console_login_failures"].create(
        {"id": int, "name": str, "failed_at": str},
        pk="id",
        not_null={"name", "failed_at"},
        strict=True,
    )
    db["console_login_failures"].create_index(["name", "failed_at"])
    db["console_secrets"].create(
        {"name": str, "value": str, "created_at": str},
        pk="name",
        not_null={"value", "created_at"},
        strict=True,
    )
    # draft_key as in feedback: the draft id, or '' for the whole suggestion
    db["feedback_reasons"].create(
        {"suggestion_id": str, "draft_key": str, "reason": str, "created_at": str},
        pk=("suggestion_id", "draft_key"),
        foreign_keys=[("suggestion_id", "suggestions", "id")],
        not_null={"reason", "created_at"},
        strict=True,
    )
