"""Run `action_suggest_reply` in-process (no action server, no HTTP) for the API."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.suggest_reply import ActionSuggestReply
from bot.shop import Shop
from bot.types import Draft


class UnknownShopError(LookupError):
    def __init__(self, shop_id: str, known: list[str]) -> None:
        super().__init__(f"unknown shop '{shop_id}'; known shops: {', '.join(known)}")


def suggest_drafts(
    parse: Mapping[str, Any],
    shop_id: str,
    previous_events: list[dict[str, Any]],
    order_value: float | None,
    now: datetime,
    shops: Mapping[str, Shop],
    sender_id: str = "default",
    product: str | None = None,
) -> list[Draft]:
    """`parse` is Rasa's parse dict for the new message; `previous_events` are the conversation's
    earlier Rasa events (bot events carry the tactic that was sent in data.custom.tactic). Call it
    from synchronous code (or a worker thread), as it drives the action to completion itself."""
    if shop_id not in shops:
        raise UnknownShopError(shop_id, sorted(shops))
    dispatcher = CollectingDispatcher()
    tracker = build_tracker(parse, shop_id, previous_events, order_value, sender_id, product)
    result = ActionSuggestReply(shops=shops, clock=lambda: now, queue_followups=False).run(
        dispatcher, tracker, {}
    )
    if inspect.isawaitable(result):
        asyncio.run(result)
    return [Draft(**draft) for draft in dispatcher.messages[0]["custom"]["drafts"]]


def build_tracker(
    parse: Mapping[str, Any],
    shop_id: str,
    previous_events: list[dict[str, Any]],
    order_value: float | None,
    sender_id: str,
    product: str | None = None,
) -> Tracker:
    metadata = {"shop_id": shop_id, "order_value": order_value, "product": product}
    latest = {
        **parse,
        "metadata": {key: value for key, value in metadata.items() if value is not None},
    }
    user_event = {"event": "user", "text": parse.get("text"), "parse_data": latest}
    return Tracker(
        sender_id=sender_id,
        slots={},
        latest_message=latest,
        events=[*previous_events, {**user_event, "metadata": latest["metadata"]}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )
