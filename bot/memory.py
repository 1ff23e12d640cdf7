"""What the buyer already said in earlier messages of the conversation: the order number, size,
height, weight, age, colour… found again with the NLU's own patterns, so a draft uses them rather
than asking for them again (issue 15)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.normalize import normalize_text
from bot.nlu.patterns import find_pattern_matches
from bot.types import Entity, Turn


def remembered_entities(history: Sequence[Turn]) -> tuple[Entity, ...]:
    """The pattern entities of the earlier buyer messages, oldest first."""
    return tuple(entity for turn in history for entity in message_entities(turn.message))


def message_entities(text: str) -> list[Entity]:
    plain = normalize_text(text)
    return [
        Entity(found.label, found.value, plain[found.start : found.end], found.start, found.end)
        for found in find_pattern_matches(plain)
    ]
