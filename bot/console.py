"""What the agent console adds to the service: accounts and sessions, the inbox, rejection
reasons and the list of training runs. Drafting, feedback and training stay with
SuggestionService and TrainingDesk, which the console calls like the API does."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.accounts import Accounts, Clock
from bot.feedback import Verdict
from bot.service import SuggestionService
from bot.store import Store
from bot.store.console import InboxRow
from bot.store.records import FeedbackRecord
from bot.store.training import RunRecord

INBOX_LIMIT = 200
MAX_REASON = 500


class ConsoleDesk:
    def __init__(self, store: Store, shops: Mapping[str, Any], clock: Clock) -> None:
        self.accounts = Accounts(store, clock)
        self._store = store
        self._shops = shops
        self._clock = clock

    def shop_name(self, shop_id: str | None) -> str:
        shop = self._shops.get(shop_id or "")
        return shop.name if shop else (shop_id or "")

    def shop_ids(self) -> list[str]:
        return sorted(self._shops)

    def inbox(self, shop_id: str, limit: int = INBOX_LIMIT) -> list[InboxRow]:
        return self._store.console.conversations(shop_id, limit)

    def reject(
        self,
        service: SuggestionService,
        shop_id: str,
        suggestion_id: str,
        draft_id: str | None,
        agent_id: str,
        reason: str,
    ) -> FeedbackRecord:
        """The rejection through the service (as POST .../feedback stores it), then its reason."""
        verdict = Verdict(action="rejected", agent_id=agent_id, draft_id=draft_id)
        record = service.give_feedback(shop_id, suggestion_id, verdict)
        self._store.console.record_reason(
            suggestion_id, draft_id, reason[:MAX_REASON], self._clock()
        )
        return record

    def reasons(self, shop_id: str, conversation_id: str) -> dict[tuple[str, str], str]:
        return self._store.console.reasons(shop_id, conversation_id)

    def recent_runs(self, limit: int = 5) -> list[RunRecord]:
        return self._store.console.recent_runs(limit)
