"""Turn Rasa's parse dictionary (the same shape from the NLU graph and in
`tracker.latest_message`) into the core `Understanding` type."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from bot.types import Entity, IntentScore, Understanding

FALLBACK_INTENT = "nlu_fallback"
# Bubbles that ask for nothing (在吗, 好的, 急用) never make the second request.
NO_REQUEST_INTENTS = frozenset({"greet", "thanks", "out_of_scope"})
# A bubble read with less confidence than this is not shown to the agent as a second request.
SECOND_INTENT_MIN_CONFIDENCE = 0.5


def understanding_from_parse(parse: Mapping[str, Any]) -> Understanding:
    """The fallback pseudo-intent is dropped from the ranking and turned into the `fallback` flag,
    so the ranking always holds real intents the agent can act on."""
    top = (parse.get("intent") or {}).get("name")
    ranking = tuple(
        IntentScore(item["name"], float(item["confidence"]))
        for item in parse.get("intent_ranking") or ()
        if item.get("name") and item["name"] != FALLBACK_INTENT
    )
    understanding = Understanding(
        text=parse.get("text", ""),
        intent_ranking=ranking,
        entities=tuple(_entity(item) for item in parse.get("entities") or ()),
        fallback=top == FALLBACK_INTENT,
    )
    second = second_intent(parse.get("bubbles") or (), understanding.intent)
    return replace(understanding, second_intent=second) if second else understanding


def second_intent(bubbles: Iterable[Mapping[str, Any]], intent: str) -> IntentScore | None:
    """The first bubble asking for something else than the message's intent: the message is
    labelled by the request that needs the reply first, the agent still sees the next one."""
    for bubble in bubbles:
        found = bubble.get("intent") or {}
        name, confidence = found.get("name"), float(found.get("confidence") or 0.0)
        if name in NO_REQUEST_INTENTS or name in (None, FALLBACK_INTENT, intent):
            continue
        if confidence >= SECOND_INTENT_MIN_CONFIDENCE:
            return IntentScore(name, confidence)
    return None


def _entity(item: Mapping[str, Any]) -> Entity:
    return Entity(
        type=item["entity"],
        value=item["value"],
        text=item.get("text", str(item["value"])),
        start=int(item.get("start", 0)),
        end=int(item.get("end", 0)),
    )


def first_request_intent(parse: Mapping[str, Any]) -> str:
    """Per-bubble labelling: the intent of the first bubble that asks for something, else the
    whole message's intent. `make evaluate` compares it with the whole-message intent."""
    whole = understanding_from_parse(parse).intent
    for bubble in parse.get("bubbles") or ():
        name = (bubble.get("intent") or {}).get("name")
        if name and name not in NO_REQUEST_INTENTS and name != FALLBACK_INTENT:
            return name
    return whole
