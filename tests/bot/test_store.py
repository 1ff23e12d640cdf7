"""The storage layer on a real SQLite file: migrations, WAL, key hashing, the log and stats."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from bot.errors import ConflictError, NotFoundError
from bot.store import Store
from bot.store.records import (
    FeedbackRecord,
    NewSuggestion,
    OutcomeCounts,
    SentReply,
    StoredDraft,
    Turn,
)
from bot.store.schema import MIGRATIONS, migrate, schema_version
from bot.types import Draft, Entity, IntentScore, Understanding

NOW = datetime(2025, 3, 1, 2, 0, tzinfo=timezone.utc)
TABLES = [
    "after_hours",
    "api_keys",
    "console_accounts",
    "console_login_failures",
    "console_secrets",
    "console_sessions",
    "conversations",
    "drafts",
    "feedback",
    "feedback_reasons",
    "followups",
    "messages",
    "model_versions",
    "order_events",
    "orders",
    "reminders",
    "schema_version",
    "served_model",
    "suggestions",
    "training_runs",
]


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "huashu.db", NOW)
    yield store
    store.close()


def understanding(text="能便宜点吗", intent="price_objection"):
    ranking = (IntentScore(intent, 0.91), IntentScore("compare_shops", 0.05))
    return Understanding(text, ranking, (Entity("amount", 50, "50元", 3, 6),))


def new_suggestion(shop="demo", conversation="c1", text="能便宜点吗", at=NOW, **kwargs):
    drafts = (
        Draft("亲，店里正在满300减30。", "promotion", {"promotion": "p1"}, needs_approval=False),
        Draft("送您一张10元券。", "coupon", needs_approval=True),
    )
    return NewSuggestion(
        shop, conversation, text, understanding(text, **kwargs), drafts, "m-20250301", at
    )


def verdict(suggestion, draft=None, action="accepted", final_text=None, at=NOW):
    draft_text = draft.text if draft else None
    final = draft_text if action == "accepted" else final_text
    return FeedbackRecord(
        suggestion.suggestion_id,
        draft.draft_id if draft else None,
        action,
        draft_text,
        final,
        "agent-7",
        at,
    )


def test_new_database_runs_every_migration_once(tmp_path):
    Store.open(tmp_path / "a.db", NOW).close()
    reopened = Store.open(tmp_path / "a.db", NOW + timedelta(days=1))
    rows = list(reopened.db["schema_version"].rows)
    assert rows == [
        {"version": v, "applied_at": "2025-03-01T02:00:00.000000+00:00"}
        for v in range(1, len(MIGRATIONS) + 1)
    ]
    assert sorted(reopened.db.table_names()) == TABLES


def test_only_new_migrations_run(store):
    def add_notes(db):
        db["notes"].create({"id": int, "text": str}, pk="id")

    assert migrate(store.db, "later", MIGRATIONS + (add_notes,)) == len(MIGRATIONS) + 1
    assert store.db["schema_version"].get(len(MIGRATIONS) + 1)["applied_at"] == "later"
    assert store.db["notes"].columns_dict == {"id": int, "text": str}


def test_failed_migration_leaves_the_last_complete_version(store):
    def broken(db):
        db["half_done"].create({"id": int}, pk="id")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        migrate(store.db, "later", MIGRATIONS + (broken,))
    assert schema_version(store.db) == len(MIGRATIONS)
    assert not store.db["half_done"].exists()


def test_database_uses_wal_full_sync_and_foreign_keys(store):
    assert store.db.journal_mode == "wal"
    assert store.db.execute("pragma synchronous").fetchone()[0] == 2
    assert store.db.execute("pragma foreign_keys").fetchone()[0] == 1
    assert store.is_writable() is True


def test_key_is_stored_as_hash_of_its_secret(store):
    new = store.keys.create("demo", NOW)
    match = re.fullmatch(r"hsk_([0-9a-f]{12})_([A-Za-z0-9_-]{32})", new.key)
    assert match is not None
    key_id, secret = match.groups()
    row = store.db["api_keys"].get(key_id)
    assert row == {
        "key_id": key_id,
        "shop_id": "demo",
        "secret_hash": hashlib.sha256(f"{key_id}:{secret}".encode()).hexdigest(),
        "created_at": "2025-03-01T02:00:00.000000+00:00",
        "revoked_at": None,
        "role": "agent",
        "purpose": None,
    }
    assert store.keys.shop_for(new.key) == "demo"


@pytest.mark.parametrize(
    "mangle",
    [
        lambda key: key[:-1] + ("A" if key[-1] != "A" else "B"),
        lambda key: key.replace("hsk_", "hsx_"),
        lambda key: key[:17],
        lambda key: "",
        lambda key: "' or 1=1 --",
        lambda key: key.upper(),
    ],
)
def test_altered_keys_are_refused(store, mangle):
    key = store.keys.create("demo", NOW).key
    assert store.keys.shop_for(mangle(key)) is None


def test_revoked_key_is_refused_and_listed(store):
    first = store.keys.create("demo", NOW)
    second = store.keys.create("other", NOW + timedelta(minutes=1))
    store.keys.revoke(first.info.key_id, NOW + timedelta(hours=1))
    assert store.keys.shop_for(first.key) is None
    assert [(k.key_id, k.shop_id, k.revoked_at) for k in store.keys.list()] == [
        (first.info.key_id, "demo", NOW + timedelta(hours=1)),
        (second.info.key_id, "other", None),
    ]
    assert [k.shop_id for k in store.keys.list("other")] == ["other"]


def test_revoking_an_unknown_key_says_so(store):
    with pytest.raises(NotFoundError, match="No API key has the id 'nope'"):
        store.keys.revoke("nope", NOW)


def test_suggestion_round_trips(store):
    stored = store.log.record_suggestion(new_suggestion())
    assert re.fullmatch(r"sg_[0-9a-f]{16}", stored.suggestion_id)
    assert [d.draft_id[:3] for d in stored.drafts] == ["dr_", "dr_"]
    assert stored.drafts == (
        StoredDraft(
            stored.drafts[0].draft_id, "亲，店里正在满300减30。", "promotion", {"promotion": "p1"}
        ),
        StoredDraft(stored.drafts[1].draft_id, "送您一张10元券。", "coupon", {}, True, False),
    )
    assert (stored.conversation_id, stored.message, stored.intent) == (
        "c1",
        "能便宜点吗",
        "price_objection",
    )
    assert stored.intent_ranking == understanding().intent_ranking
    assert stored.entities == (Entity("amount", 50, "50元", 3, 6),)
    assert (stored.fallback, stored.model_version, stored.created_at) == (False, "m-20250301", NOW)


@pytest.mark.parametrize(
    "extra",
    [{}, {"sent_at": NOW - timedelta(minutes=3), "agent_id": "agent-7", "order_value": 199.5}],
)
def test_suggestion_is_visible_to_a_second_connection_once_recorded(store, tmp_path, extra):
    """record_suggestion decodes the rows it wrote; a reader gets the very same suggestion."""
    stored = store.log.record_suggestion(replace(new_suggestion(), **extra))
    other = Store.open(tmp_path / "huashu.db", NOW)
    assert other.log.suggestion("demo", stored.suggestion_id) == stored
    assert (stored.sent_at, stored.agent_id, stored.order_value) == (
        extra.get("sent_at"),
        extra.get("agent_id"),
        extra.get("order_value"),
    )
    other.close()


def test_html_and_sql_are_stored_verbatim(store):
    text = "<script>alert(1)</script>'); drop table messages; --"
    stored = store.log.record_suggestion(new_suggestion(text=text))
    assert store.log.conversation("demo", "c1").suggestions[0].message == text
    assert stored.message == text


def test_shops_do_not_see_each_others_conversations(store):
    mine = store.log.record_suggestion(new_suggestion(shop="demo", conversation="c1"))
    theirs = store.log.record_suggestion(new_suggestion(shop="other", conversation="c1"))
    assert [s.suggestion_id for s in store.log.conversation("demo", "c1").suggestions] == [
        mine.suggestion_id
    ]
    with pytest.raises(NotFoundError, match="No suggestion has the id"):
        store.log.suggestion("demo", theirs.suggestion_id)
    with pytest.raises(NotFoundError, match="No conversation has the id 'c1'"):
        store.log.conversation("third", "c1")


def test_conversation_lists_messages_in_order_with_feedback(store):
    first = store.log.record_suggestion(new_suggestion(text="在吗", intent="greet"))
    later = NOW + timedelta(minutes=2)
    second = store.log.record_suggestion(new_suggestion(text="能便宜点吗", at=later))
    record = store.log.record_feedback("demo", verdict(second, second.drafts[1]))
    conversation = store.log.conversation("demo", "c1")
    assert conversation.started_at == NOW
    assert [(s.message, s.feedback) for s in conversation.suggestions] == [
        ("在吗", ()),
        ("能便宜点吗", (record,)),
    ]
    assert conversation.suggestions[0].suggestion_id == first.suggestion_id
    assert store.log.recent_turns("demo", "c1", 5) == [
        Turn("在吗"),
        Turn("能便宜点吗", (SentReply("coupon", "送您一张10元券。"),)),
    ]
    assert store.log.recent_turns("demo", "c1", 1) == [
        Turn("能便宜点吗", (SentReply("coupon", "送您一张10元券。"),))
    ]


def test_second_verdict_on_a_draft_is_refused_and_the_first_kept(store):
    stored = store.log.record_suggestion(new_suggestion())
    first = store.log.record_feedback("demo", verdict(stored, stored.drafts[0]))
    again = verdict(stored, stored.drafts[0], "rejected")
    with pytest.raises(ConflictError, match="already has feedback"):
        store.log.record_feedback("demo", again)
    assert store.log.suggestion("demo", stored.suggestion_id).feedback == (first,)


def test_whole_suggestion_rejection_is_taken_once(store):
    stored = store.log.record_suggestion(new_suggestion())
    store.log.record_feedback("demo", verdict(stored, None, "rejected", "我自己回"))
    with pytest.raises(ConflictError, match="already rejected as a whole"):
        store.log.record_feedback("demo", verdict(stored, None, "rejected"))


def test_feedback_on_another_shops_suggestion_is_not_found(store):
    stored = store.log.record_suggestion(new_suggestion(shop="other"))
    with pytest.raises(NotFoundError):
        store.log.record_feedback("demo", verdict(stored, stored.drafts[0]))
    assert store.db["feedback"].count == 0


def test_stats_count_outcomes_per_intent_and_tactic(store):
    accepted = store.log.record_suggestion(new_suggestion())
    edited = store.log.record_suggestion(new_suggestion())
    rejected = store.log.record_suggestion(new_suggestion())
    store.log.record_suggestion(new_suggestion(text="在吗", intent="greet"))
    store.log.record_suggestion(new_suggestion(at=NOW - timedelta(days=30)))
    store.log.record_suggestion(new_suggestion(shop="other"))
    store.log.record_feedback("demo", verdict(accepted, accepted.drafts[1]))
    store.log.record_feedback("demo", verdict(accepted, accepted.drafts[0], "rejected"))
    store.log.record_feedback("demo", verdict(edited, edited.drafts[0], "edited", "满300减30哦"))
    store.log.record_feedback("demo", verdict(rejected, None, "rejected"))
    stats = store.stats.window("demo", NOW - timedelta(days=1), NOW + timedelta(seconds=1))
    assert stats.by_intent == (
        OutcomeCounts("price_objection", 3, 3, 1, 1, 1),
        OutcomeCounts("greet", 1, 0, 0, 0, 0),
    )
    assert stats.by_tactic == (
        OutcomeCounts("coupon", 4, 2, 1, 0, 1),
        OutcomeCounts("promotion", 4, 3, 0, 1, 2),
    )
    assert stats.by_intent[0].rate(1) == 0.3333
    assert stats.by_intent[1].rate(0) is None
