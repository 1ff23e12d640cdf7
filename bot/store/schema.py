"""The database schema, built by an ordered list of migrations; the version table records which ran.

A migration is appended, never edited: databases in the field already ran the old ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlite_utils import Database

from bot.store.schema_console import create_console_tables
from bot.store.schema_followups import create_followup_tables
from bot.store.schema_orders import create_order_tables
from bot.store.schema_serving import create_serving_tables
from bot.store.schema_training import create_training_tables

Migration = Callable[[Database], None]

VERSION_TABLE = "schema_version"


def _create_keys(db: Database) -> None:
    db["api_keys"].create(
        {"key_id": str, "shop_id": str, "secret_hash": str, "created_at": str, "revoked_at": str},
        pk="key_id",
        not_null={"shop_id", "secret_hash", "created_at"},
        strict=True,
    )
    db["api_keys"].create_index(["shop_id"])


def _create_conversation_log(db: Database) -> None:
    db["conversations"].create(
        {"id": int, "shop_id": str, "external_id": str, "started_at": str},
        pk="id",
        not_null={"shop_id", "external_id", "started_at"},
        strict=True,
    )
    db["conversations"].create_index(["shop_id", "external_id"], unique=True)
    db["messages"].create(
        {"id": int, "conversation_id": int, "text": str, "sent_at": str, "received_at": str},
        pk="id",
        foreign_keys=[("conversation_id", "conversations", "id")],
        not_null={"conversation_id", "text", "received_at"},
        strict=True,
    )
    db["messages"].create_index(["conversation_id"])


def _create_suggestions(db: Database) -> None:
    db["suggestions"].create(
        {
            "id": str,
            "message_id": int,
            "shop_id": str,
            "agent_id": str,
            "order_value": float,
            "intent": str,
            "confidence": float,
            "intent_ranking": str,
            "entities": str,
            "fallback": int,
            "model_version": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("message_id", "messages", "id")],
        not_null={"message_id", "shop_id", "intent", "fallback", "model_version", "created_at"},
        strict=True,
    )
    db["suggestions"].create_index(["shop_id", "created_at"])
    db["suggestions"].create_index(["message_id"])
    db["drafts"].create(
        {
            "id": str,
            "suggestion_id": str,
            "position": int,
            "text": str,
            "tactic": str,
            "facts": str,
            "needs_approval": int,
            "auto_send_safe": int,
        },
        pk="id",
        foreign_keys=[("suggestion_id", "suggestions", "id")],
        not_null={"suggestion_id", "position", "text", "tactic", "facts"},
        strict=True,
    )
    db["drafts"].create_index(["suggestion_id", "position"], unique=True)


def _create_feedback(db: Database) -> None:
    # draft_key is the draft id, or '' when the agent rejects the whole suggestion: SQLite lets
    # NULLs repeat in a unique index, so '' is what makes "one verdict per draft" hold for both.
    db["feedback"].create(
        {
            "id": int,
            "suggestion_id": str,
            "draft_id": str,
            "draft_key": str,
            "action": str,
            "draft_text": str,
            "final_text": str,
            "agent_id": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("suggestion_id", "suggestions", "id"), ("draft_id", "drafts", "id")],
        not_null={"suggestion_id", "draft_key", "action", "agent_id", "created_at"},
        strict=True,
    )
    db["feedback"].create_index(["suggestion_id", "draft_key"], unique=True)


MIGRATIONS: tuple[Migration, ...] = (
    _create_keys,
    _create_conversation_log,
    _create_suggestions,
    _create_feedback,
    create_training_tables,
    create_followup_tables,
    create_order_tables,
    create_console_tables,
    create_serving_tables,
)


def schema_version(db: Database) -> int:
    if not db[VERSION_TABLE].exists():
        return 0
    row = db.execute(f"select max(version) from {VERSION_TABLE}").fetchone()
    return row[0] or 0


def migrate(db: Database, now: str, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Run the migrations the database has not seen yet, each in its own transaction with its
    version row, so a crash mid-way leaves the database at the last complete version."""
    if not db[VERSION_TABLE].exists():
        db[VERSION_TABLE].create({"version": int, "applied_at": str}, pk="version", strict=True)
    current = schema_version(db)
    for version, migration in enumerate(migrations, start=1):
        if version > current:
            with db.atomic():
                migration(db)
                db[VERSION_TABLE].insert({"version": version, "applied_at": now})
    return schema_version(db)
