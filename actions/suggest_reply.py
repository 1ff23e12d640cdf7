"""`action_suggest_reply`: draft replies for the latest buyer message and send them as a custom
payload; the bot's text is the best draft, so `rasa shell` shows a sensible reply."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.drafting import draft_replies
from bot.nlu.understanding import understanding_from_parse
from bot.shop import Shop, load_shops

DEFAULT_SHOP_ID = "demo"
SHOPS_DIR_ENV = "HUASHU_SHOPS_DIR"


class ActionSuggestReply(Action):
    """`shops` and `clock` are injectable for tests and the in-process API; `rasa run actions`
    builds it with no arguments (shops from $HUASHU_SHOPS_DIR, default data/shops; wall clock)."""

    def __init__(
        self,
        shops: Mapping[str, Shop] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._shops = shops
        self._clock = clock or (lambda: datetime.now(timezone.utc))

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
        drafts = draft_replies(
            understanding,
            shop,
            self._clock(),
            offered_tactics=offered_tactics(tracker.events),
            order_value=metadata.get("order_value"),
            seed=tracker.sender_id,
            product=metadata.get("product"),
        )
        payload = {
            "drafts": [asdict(draft) for draft in drafts],
            "tactic": drafts[0].tactic,
            "intent": understanding.intent,
            "fallback": understanding.fallback,
            "handoff": any(draft.tactic == "handoff" for draft in drafts),
        }
        dispatcher.utter_message(text=drafts[0].text, json_message=payload)
        return []

    def shops(self) -> Mapping[str, Shop]:
        if self._shops is None:
            self._shops = load_shops(os.environ.get(SHOPS_DIR_ENV, "data/shops"))
        return self._shops


def offered_tactics(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """The tactic each earlier bot message used (the draft that was sent, not the alternatives)."""
    return [
        event["data"]["custom"]["tactic"]
        for event in events
        if event.get("event") == "bot"
        and isinstance((event.get("data") or {}).get("custom"), dict)
        and event["data"]["custom"].get("tactic")
    ]
