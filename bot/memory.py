"""What the buyer already said in earlier messages of the conversation: the order number, size,
height, weight, age, colour, product… found again with the NLU's own patterns and the shop's
catalogue, so a draft uses them rather than asking for them again (issue 15)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

from bot.catalogue import with_catalogue
from bot.nlu.normalize import normalize_text
from bot.nlu.patterns import find_pattern_matches
from bot.shop.model import Shop
from bot.types import Entity, Turn, Understanding


def remembered_entities(history: Sequence[Turn], shop: Shop | None = None) -> tuple[Entity, ...]:
    """The entities of the earlier buyer messages, oldest first; with a shop, also the product,
    colour and size of its catalogue they name ("我要黑色的" then "还有40码吗")."""
    return tuple(entity for turn in history for entity in _remembered(turn.message, shop))


def _remembered(text: str, shop: Shop | None) -> tuple[Entity, ...]:
    """`message_entities`, kept for the messages of recent conversations: every suggestion reads
    the last ten messages again (8 % of a /v1/suggest request before this cache). The shop
    itself is kept beside its entities, so a reloaded shop (a new object) is read afresh."""
    key = (text, id(shop))
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None and cached[0] is shop:
            _cache.move_to_end(key)
            return cached[1]
    entities = tuple(message_entities(text, shop))
    with _cache_lock:
        _cache[key] = (shop, entities)
        while len(_cache) > CACHED_MESSAGES:
            _cache.popitem(last=False)
    return entities


CACHED_MESSAGES = 4096
_cache: OrderedDict[tuple[str, int], tuple[Shop | None, tuple[Entity, ...]]] = OrderedDict()
_cache_lock = threading.Lock()


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
