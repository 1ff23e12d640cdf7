"""Incoming buyer messages from a platform connector: drafts for the agent while the shop is open;
while it is closed, the after-hours decision, its log entry and the follow-up queue.

Composes SuggestionService (understanding, drafting and logging are its job) with bot.afterhours
(what may be sent unattended) and the store's follow-up log."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from bot.afterhours import SUGGEST, Decision, decide, hold_repeat
from bot.service import SuggestionService, SuggestRequest
from bot.shop.model import Shop
from bot.store import Store
from bot.store.followups import Followup
from bot.store.records import NewSuggestion, StoredSuggestion
from bot.types import Draft, Understanding


@dataclass(frozen=True)
class Reception:
    """`followup` is the conversation's open follow-up when the shop was closed, else None."""

    suggestion: StoredSuggestion
    decision: Decision
    followup: Followup | None = None


class MessageService:
    def __init__(
        self, suggestions: SuggestionService, store: Store, shops: Mapping[str, Shop]
    ) -> None:
        self._suggestions = suggestions
        self._store = store
        self._shops = shops

    def receive(self, request: SuggestRequest) -> Reception:
        stored = self._suggestions.suggest(request)
        # whether someone is on duty depends on when the message arrives, not when it was typed
        now = self._suggestions.now()
        decision = decide(
            understanding_of(stored),
            drafts_of(stored),
            self._shops[request.shop_id],
            now,
            seed=request.conversation_id,
        )
        if decision.mode == SUGGEST:
            return Reception(stored, decision)
        decision, followup = queue_followup(self._store, request.shop_id, stored, decision, now)
        return Reception(stored, decision, followup)

    def followups(self, shop_id: str) -> list[Followup]:
        return self._store.followups.open_followups(shop_id)

    def mark_done(self, shop_id: str, followup_id: str, agent_id: str) -> Followup:
        now = self._suggestions.now()
        return self._store.followups.mark_done(shop_id, followup_id, agent_id, now)


def queue_followup(
    store: Store, shop_id: str, stored: StoredSuggestion, decision: Decision, now: datetime
) -> tuple[Decision, Followup]:
    """Queue a message handled while closed; the burst rule is applied against the queue."""
    return store.followups.record(shop_id, stored, decision, hold_repeat, now)


def queue_channel_message(
    store: Store, message: NewSuggestion, decision: Decision
) -> tuple[Decision, Followup]:
    """A message that reached a closed shop through a Rasa channel rather than the API: logged
    like an API message, then queued, so agents find it in GET /v1/followups all the same."""
    stored = store.log.record_suggestion(message)
    return queue_followup(store, message.shop_id, stored, decision, message.created_at)


def understanding_of(stored: StoredSuggestion) -> Understanding:
    return Understanding(stored.message, stored.intent_ranking, stored.entities, stored.fallback)


def drafts_of(stored: StoredSuggestion) -> list[Draft]:
    return [
        Draft(
            d.text,
            d.tactic,
            d.facts,
            needs_approval=d.needs_approval,
            auto_send_safe=d.auto_send_safe,
        )
        for d in stored.drafts
    ]
