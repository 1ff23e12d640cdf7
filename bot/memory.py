"""What the buyer already said in earlier messages of the conversation: the order number, size,
height, weight, age, colour, product… found again with the NLU's own patterns and the shop's
catalogue, so a draft uses them rather than asking for them again (issue 15)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.catalogue import with_catalogue
from bot.nlu.normalize import normalize_text
from bot.nlu.patterns import find_pattern_matches
from bot.shop.model import Shop
from bot.types import Entity, Turn, Understanding


def remembered_entities(history: Sequence[Turn], shop: Shop | None = None) -> tuple[Entity, ...]:
    """The entities of the earlier buyer messages, oldest first; with a shop, also the product,
    colour and size of its catalogue they name ("我要黑色的" then "还有40码吗")."""
    return tuple(entity for turn in history for entity in message_entities(turn.message, shop))


def message_entities(text: str, shop: Shop | None = None) -> list[Entity]:
    plain = normalize_text(text)
    found = [
        Entity(found.label, found.value, plain[found.start : found.end], found.start, found.end)
        for found in find_pattern_matches(plain)
    ]
    if shop is None:
        return found
    named = with_catalogue(Understanding(text, ()), shop).entities
    kinds = {entity.type for entity in named}
    return [*(entity for entity in found if entity.type not in kinds), *named]
