"""The suggestion service: a buyer message in, understood, drafted, logged, and handed back.

Everything it depends on is passed in: the NLU model, the drafting function (the in-process
custom action, injected by the adapter because bot/ may not import rasa_sdk), the store, the
shop profiles and the clock."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from bot.feedback import Verdict, feedback_record
from bot.nlu.understanding import understanding_from_parse
from bot.store import Store
from bot.store.records import (
    Conversation,
    FeedbackRecord,
    NewSuggestion,
    Stats,
    StoredSuggestion,
    Turn,
)
from bot.types import Draft, Understanding

Clock = Callable[[], datetime]
DraftFn = Callable[..., Sequence[Draft]]

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


def _previous_events(turns: Sequence[Turn]) -> list[dict[str, Any]]:
    """Rasa events for the earlier turns; a bot event names the tactic of the reply the agent
    sent, so the drafting does not offer the same concession twice."""
    events: list[dict[str, Any]] = []
    for turn in turns:
        events.append({"event": "user", "text": turn.message})
        events.extend(
            {"event": "bot", "text": reply.text, "data": {"custom": {"tactic": reply.tactic}}}
            for reply in turn.replies
        )
    return events


class SuggestionService:
    def __init__(
        self, nlu: Nlu, draft_fn: DraftFn, store: Store, shops: Mapping[str, Any], clock: Clock
    ) -> None:
        self._nlu = nlu
        self._draft_fn = draft_fn
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
        # one read of the reference, so the parse and the version logged come from one model
        nlu = self._nlu
        parse = nlu.parse(request.message)
        received_at = self._clock()
        history = self._store.log.recent_turns(
            request.shop_id, request.conversation_id, HISTORY_LIMIT
        )
        drafts = self._draft_fn(
            parse=parse,
            shop_id=request.shop_id,
            previous_events=_previous_events(history),
            order_value=request.order_value,
            # the cutoff and opening hours apply to when the buyer wrote, if the caller knows it
            now=request.sent_at or received_at,
            shops=self._shops,
            sender_id=request.conversation_id,
        )
        return self._store.log.record_suggestion(
            NewSuggestion(
                shop_id=request.shop_id,
                conversation_id=request.conversation_id,
                message=request.message,
                understanding=understanding_from_parse(parse),
                drafts=tuple(drafts),
                model_version=nlu.version,
                created_at=received_at,
                sent_at=request.sent_at,
                agent_id=request.agent_id,
                order_value=request.order_value,
            )
        )

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
