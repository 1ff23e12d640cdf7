"""`action_suggest_reply`: draft replies for the latest buyer message and send them as a custom
payload; the bot's text is the best draft (while the shop is closed: the automatic reply or
the holding message, see bot.afterhours), so `rasa shell` shows a sensible reply."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import settings
from bot.afterhours import AWAY, SUGGEST, Decision, decide, hold_repeat
from bot.drafting import draft_replies
from bot.messages import queue_channel_message
from bot.nlu.understanding import understanding_from_parse
from bot.shop import Shop, load_shops
from bot.stage import is_order_status
from bot.store import Store
from bot.store.records import NewSuggestion
from bot.types import Draft, SentReply, Turn, Understanding

DEFAULT_SHOP_ID = "demo"
CHANNEL_MODEL_VERSION = "rasa-channel"


class ActionSuggestReply(Action):
    """`shops` and `clock` are injectable for tests; `rasa run actions` builds it with no
    arguments (shops, and the follow-up queue when set, from bot.settings; wall clock)."""

    def __init__(
        self,
        shops: Mapping[str, Shop] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._shops = shops
        self._clock = clock or (lambda: datetime.now(timezone.utc))
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
        status = metadata.get("order_status")
        if status is not None and not is_order_status(status):
            dispatcher.utter_message(json_message={"error": f"unknown order status '{status}'"})
            return []
        understanding = understanding_from_parse(tracker.latest_message)
        now = self._clock()
        drafts = draft_replies(
            understanding,
            shop,
            now,
            history=history_of(tracker.events),
            order_value=metadata.get("order_value"),
            product=metadata.get("product"),
            order_status=status,
            seed=tracker.sender_id,
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
        path = settings.followup_db()
        if path and self._store is None:
            self._store = Store.open(path, now)
        return self._store if path else None

    def shops(self) -> Mapping[str, Shop]:
        if self._shops is None:
            self._shops = load_shops(settings.shops_dir())
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


def history_of(events: Iterable[Mapping[str, Any]]) -> list[Turn]:
    """The conversation before the latest message as core turns: each earlier buyer message
    with the tactic and text of what the bot sent back (the draft sent, not the alternatives)."""
    turns: list[Turn] = []
    for event in events:
        if event.get("event") == "user":
            turns.append(Turn(event.get("text") or ""))
        elif (reply := _sent_reply(event)) is not None:
            # a bot message before any buyer message (a session greeting) opens an empty turn
            last = turns.pop() if turns else Turn("")
            turns.append(Turn(last.message, (*last.replies, reply)))
    return turns[:-1]


def _sent_reply(event: Mapping[str, Any]) -> SentReply | None:
    payloads = _bot_payloads([event])
    tactic = payloads[0].get("tactic") if payloads else None
    return SentReply(tactic, event.get("text") or "") if tactic else None
