"""Turn Rasa's parse dictionary (the same shape from the NLU graph and in
`tracker.latest_message`) into the core `Understanding` type."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.types import Entity, IntentScore, Understanding

FALLBACK_INTENT = "nlu_fallback"


def understanding_from_parse(parse: Mapping[str, Any]) -> Understanding:
    """The fallback pseudo-intent is dropped from the ranking and turned into the `fallback` flag,
    so the ranking always holds real intents the agent can act on."""
    top = (parse.get("intent") or {}).get("name")
    ranking = tuple(
        IntentScore(item["name"], float(item["confidence"]))
        for item in parse.get("intent_ranking") or ()
        if item.get("name") and item["name"] != FALLBACK_INTENT
    )
    return Understanding(
        text=parse.get("text", ""),
        intent_ranking=ranking,
        entities=tuple(_entity(item) for item in parse.get("entities") or ()),
        fallback=top == FALLBACK_INTENT,
    )


def _entity(item: Mapping[str, Any]) -> Entity:
    return Entity(
        type=item["entity"],
        value=item["value"],
        text=item.get("text", str(item["value"])),
        start=int(item.get("start", 0)),
        end=int(item.get("end", 0)),
    )
