"""The suggestion service: a buyer message in, understood, drafted, logged, and handed back.

Everything it depends on is passed in: the NLU model, the store, the shop profiles and the clock.
Drafting is `bot.drafting.draft_replies`, the function the Rasa action calls too."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from bot.drafting import draft_replies
from bot.feedback import Verdict, feedback_record
from bot.nlu.understanding import understanding_from_parse
from bot.shop.model import Shop
from bot.store import Store
from bot.store.records import (
    Conversation,
    FeedbackRecord,
    NewSuggestion,
    Stats,
    StoredSuggestion,
)
from bot.types import Understanding

Clock = Callable[[], datetime]

HISTORY_LIMIT = 10


class Nlu(Protocol):
    version: str

    def parse(self, text: str) -> dict[str, Any]: ...


@dataclass(frozen=True)
class SuggestRequest:
    shop_id: str
    conversation_id: str
    message: str
    sent_at: datetime | None = None
    agent_id: str | None = None
    order_value: float | None = None
    product: str | None = None
    order_status: str | None = None


class UnknownShopError(LookupError):
    def __init__(self, shop_id: str, known: Sequence[str]) -> None:
        super().__init__(f"unknown shop '{shop_id}'; known shops: {', '.join(known)}")


class SuggestionService:
    def __init__(self, nlu: Nlu, store: Store, shops: Mapping[str, Shop], clock: Clock) -> None:
        self._nlu = nlu
        self._store = store
        self._shops = shops
        self._clock = clock

    @property
    def model_version(self) -> str:
        return self._nlu.version

    def now(self) -> datetime:
        return self._clock()

    def understand(self, text: str) -> Understanding:
        return understanding_from_parse(self._nlu.parse(text))

    def shop_for_key(self, key: str) -> str | None:
        """The shop of a live key, if that shop is still configured."""
        shop_id = self._store.keys.shop_for(key)
        return shop_id if shop_id in self._shops else None

    @property
    def nlu(self) -> Nlu:
        return self._nlu

    def replace_model(self, nlu: Nlu) -> None:
        """Hot swap: one reference assignment (atomic in Python); a request that already took
        the old model finishes on it, and the old model stays valid while anyone holds it."""
        self._nlu = nlu

    def suggest(self, request: SuggestRequest) -> StoredSuggestion:
        shop = self._shops.get(request.shop_id)
        if shop is None:
            raise UnknownShopError(request.shop_id, sorted(self._shops))
        # one read of the reference, so the parse and the version logged come from one model
        nlu = self._nlu
        understanding = understanding_from_parse(nlu.parse(request.message))
        received_at = self._clock()
        history = self._store.log.recent_turns(
            request.shop_id, request.conversation_id, HISTORY_LIMIT
        )
        order_status, order_value = self._order_facts(request)
        drafts = draft_replies(
            understanding,
            shop,
            # the cutoff and opening hours apply to when the buyer wrote, if the caller knows it
            request.sent_at or received_at,
            history=history,
            order_value=order_value,
            product=request.product,
            order_status=order_status,
            seed=request.conversation_id,
        )
        return self._store.log.record_suggestion(
            NewSuggestion(
                shop_id=request.shop_id,
                conversation_id=request.conversation_id,
                message=request.message,
                understanding=understanding,
                drafts=tuple(drafts),
                model_version=nlu.version,
                created_at=received_at,
                sent_at=request.sent_at,
                agent_id=request.agent_id,
                order_value=request.order_value,
            )
        )

    def _order_facts(self, request: SuggestRequest) -> tuple[str | None, float | None]:
        """(order status, order value): what the caller says wins; else the conversation's
        latest order as the platform connector reported it (POST /v1/orders)."""
        order = self._store.orders.latest_in_conversation(request.shop_id, request.conversation_id)
        status = request.order_status or (order.status if order else None)
        value = request.order_value
        if value is None and order is not None:
            value = order.value
        return status, value

    def give_feedback(self, shop_id: str, suggestion_id: str, verdict: Verdict) -> FeedbackRecord:
        suggestion = self._store.log.suggestion(shop_id, suggestion_id)
        record = feedback_record(suggestion, verdict, self._clock())
        return self._store.log.record_feedback(shop_id, record)

    def conversation(self, shop_id: str, conversation_id: str) -> Conversation:
        return self._store.log.conversation(shop_id, conversation_id)

    def stats(self, shop_id: str, since: datetime, until: datetime) -> Stats:
        return self._store.stats.window(shop_id, since, until)

    def is_ready(self) -> bool:
        return self._store.is_writable()
