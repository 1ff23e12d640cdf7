"""The suggestion service reads the buyer's stage and order value from the conversation's order
as the platform connector reported it (POST /v1/orders), unless the caller says otherwise."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.orders import OrderEvent, OrderItem
from bot.service import SuggestionService, SuggestRequest
from bot.store import Store
from tests.bot_helpers import SHOPS, at

NOW = at("2026-07-15 10:30")
PLACED = datetime(2026, 7, 15, 1, 0, tzinfo=timezone.utc)


def event(kind, conversation="c1", order="o1", minutes=0, value=178.0):
    return OrderEvent(
        order_id=order,
        buyer_id="b1",
        event=kind,
        at=PLACED.replace(minute=minutes),
        value=value,
        items=(OrderItem("kids-swimsuit", 2, 89.0),),
        conversation_id=conversation,
    )


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "huashu.db", NOW)
    yield store
    store.close()


def test_latest_order_of_the_conversation(store):
    store.orders.record("demo", event("created", order="o1"), NOW)
    store.orders.record("demo", event("created", order="o2", minutes=5), NOW)
    store.orders.record("demo", event("paid", order="o2", minutes=6), NOW)
    store.orders.record("demo", event("created", conversation="c2", order="o3", minutes=9), NOW)
    latest = store.orders.latest_in_conversation("demo", "c1")
    assert (latest.order_id, latest.status) == ("o2", "paid")
    assert store.orders.latest_in_conversation("demo", "nobody") is None
    assert store.orders.latest_in_conversation("jdhome", "c1") is None


def service(nlu_model, store):
    return SuggestionService(nlu_model, store, SHOPS, lambda: NOW)


def tactics(stored):
    return [draft.tactic for draft in stored.drafts]


def test_paid_order_turns_a_price_question_into_price_protection(nlu_model, store):
    store.orders.record("demo", event("paid"), NOW)
    stored = service(nlu_model, store).suggest(SuggestRequest("demo", "c1", "还能便宜点吗"))
    assert stored.intent == "price_objection"
    assert tactics(stored) == ["price_protection"]


def test_the_caller_status_wins_over_the_stored_order(nlu_model, store):
    store.orders.record("demo", event("paid"), NOW)
    request = SuggestRequest("demo", "c1", "还能便宜点吗", order_status="pre_sale")
    assert tactics(service(nlu_model, store).suggest(request))[0] == "promotion"


def test_no_order_no_stage_change(nlu_model, store):
    stored = service(nlu_model, store).suggest(SuggestRequest("demo", "c9", "还能便宜点吗"))
    assert "price_protection" not in tactics(stored)
