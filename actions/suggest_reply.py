"""`action_suggest_reply`: draft replies for the latest buyer message and send them as a custom
payload; the bot's text is the best draft (while the shop is closed: the automatic reply or
the holding message, see bot.afterhours), so `rasa shell` shows a sensible reply."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.afterhours import AWAY, SUGGEST, Decision, decide, hold_repeat
from bot.drafting import draft_replies
from bot.messages import queue_channel_message
from bot.nlu.understanding import understanding_from_parse
from bot.shop import Shop, load_shops
from bot.store import Store
from bot.store.records import NewSuggestion
from bot.types import Draft, Understanding

DEFAULT_SHOP_ID = "demo"
SHOPS_DIR_ENV = "HUASHU_SHOPS_DIR"
# The action server's follow-up queue: the API's database file, so messages reaching a closed
# shop through a Rasa channel wait in GET /v1/followups like those posted to /v1/messages.
FOLLOWUP_DB_ENV = "HUASHU_FOLLOWUP_DB"
CHANNEL_MODEL_VERSION = "rasa-channel"


class ActionSuggestReply(Action):
    """`shops` and `clock` are injectable for tests and the in-process API; `rasa run actions`
    builds it with no arguments (shops from $HUASHU_SHOPS_DIR, default data/shops; wall clock;
    follow-ups queued in $HUASHU_FOLLOWUP_DB when set). The API queues follow-ups itself and
    passes `queue_followups=False`."""

    def __init__(
        self,
        shops: Mapping[str, Shop] | None = None,
        clock: Callable[[], datetime] | None = None,
        queue_followups: bool = True,
    ) -> None:
        self._shops = shops
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self._queue_followups = queue_followups
        self._store: Store | None = None

    def name(self) -> str:
        return "action_suggest_reply"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        metadata = tracker.latest_message.get("metadata") or {}
        shop_id = metadata.get("shop_id", DEFAULT_SHOP_ID)
        shop = self.shops().get(shop_id)
        if shop is None:
            dispatcher.utter_message(json_message={"error": f"unknown shop '{shop_id}'"})
            return []
        understanding = understanding_from_parse(tracker.latest_message)
        now = self._clock()
        drafts = draft_replies(
            understanding,
            shop,
            now,
            offered_tactics=offered_tactics(tracker.events),
            order_value=metadata.get("order_value"),
            seed=tracker.sender_id,
            product=metadata.get("product"),
        )
        decision = decide(understanding, drafts, shop, now, seed=tracker.sender_id)
        if decision.mode != SUGGEST:
            decision = self._after_hours(decision, tracker, shop_id, understanding, drafts, now)
        sent = decision.reply or (drafts[0] if decision.mode == SUGGEST else None)
        payload = {
            "drafts": [asdict(draft) for draft in drafts],
            "tactic": sent.tactic if sent else None,
            "intent": understanding.intent,
            "fallback": understanding.fallback,
            "handoff": any(draft.tactic == "handoff" for draft in drafts),
            "auto_sent": decision.auto_sent,
            "after_hours": after_hours_payload(decision),
        }
        dispatcher.utter_message(text=sent.text if sent else None, json_message=payload)
        return []

    def _after_hours(
        self,
        decision: Decision,
        tracker: Tracker,
        shop_id: str,
        understanding: Understanding,
        drafts: list[Draft],
        now: datetime,
    ) -> Decision:
        """The burst rule against the follow-up queue when there is one, else against this
        conversation's own events."""
        store = self._followup_store(now)
        if store is None:
            return hold_repeat(decision, away_sent(tracker.events, decision.reopens_at))
        text = tracker.latest_message.get("text") or ""
        message = NewSuggestion(
            shop_id, tracker.sender_id, text, understanding, tuple(drafts),
            CHANNEL_MODEL_VERSION, now,
        )  # fmt: skip
        return queue_channel_message(store, message, decision)[0]

    def _followup_store(self, now: datetime) -> Store | None:
        path = os.environ.get(FOLLOWUP_DB_ENV) if self._queue_followups else None
        if path and self._store is None:
            self._store = Store.open(path, now)
        return self._store if path else None

    def shops(self) -> Mapping[str, Shop]:
        if self._shops is None:
            self._shops = load_shops(os.environ.get(SHOPS_DIR_ENV, "data/shops"))
        return self._shops


def after_hours_payload(decision: Decision) -> dict[str, Any] | None:
    """What was sent unattended and why; None while the shop is open."""
    if decision.mode == SUGGEST:
        return None
    reopens_at = decision.reopens_at.isoformat() if decision.reopens_at else None
    return {
        "mode": decision.mode,
        "reason_code": decision.reason_code,
        "reason": decision.reason,
        "reopens_at": reopens_at,
    }


def away_sent(events: Iterable[Mapping[str, Any]], reopens_at: datetime | None) -> bool:
    """The burst rule over Rasa's tracker: the holding message already went out in this
    conversation for the closed period that ends at `reopens_at`."""
    period = reopens_at.isoformat() if reopens_at else None
    return any(
        (payload.get("after_hours") or {}).get("mode") == AWAY
        and payload["after_hours"].get("reopens_at") == period
        for payload in _bot_payloads(events)
    )


def _bot_payloads(events: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [
        event["data"]["custom"]
        for event in events
        if event.get("event") == "bot" and isinstance((event.get("data") or {}).get("custom"), dict)
    ]


def offered_tactics(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """The tactic each earlier bot message used (the draft that was sent, not the alternatives)."""
    return [payload["tactic"] for payload in _bot_payloads(events) if payload.get("tactic")]
