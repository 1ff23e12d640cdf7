"""Tables of the after-hours follow-up queue (a migration appended to bot.store.schema)."""

from __future__ import annotations

from sqlite_utils import Database


def create_followup_tables(db: Database) -> None:
    db["followups"].create(
        {
            "id": str,
            "shop_id": str,
            "conversation_id": int,
            "created_at": str,
            "updated_at": str,
            "done_at": str,
            "done_by": str,
        },
        pk="id",
        foreign_keys=[("conversation_id", "conversations", "id")],
        not_null={"shop_id", "conversation_id", "created_at", "updated_at"},
        strict=True,
    )
    # one open follow-up per conversation, however many messages arrive while closed
    db.execute(
        "create unique index idx_followups_open on followups (conversation_id)"
        " where done_at is null"
    )
    db["followups"].create_index(["shop_id", "created_at"])
    db["after_hours"].create(
        {
            "id": int,
            "followup_id": str,
            "suggestion_id": str,
            "mode": str,
            "reason_code": str,
            "reason": str,
            "reply_text": str,
            "reply_tactic": str,
            "reopens_at": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("followup_id", "followups", "id"), ("suggestion_id", "suggestions", "id")],
        not_null={"followup_id", "suggestion_id", "mode", "reason_code", "reason", "created_at"},
        strict=True,
    )
    db["after_hours"].create_index(["followup_id"])
