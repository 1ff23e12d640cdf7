"""Products, colours and sizes of the requesting shop's catalogue, recognised in a buyer message at
request time. The NLU model knows no catalogue: a shop file added or edited is used as soon as it
is loaded, without retraining.

A product is named by its name or an alias ("儿童泳衣"), or by an unambiguous part of one: a
word of a name or its trailing part ("西施" or "壶" for 紫砂壶 西施, "泳衣" for 连体泳衣). A part
that several products share names none of them; a one-character part counts only as a word of
its own ("这个壶", not "手机" for 耳机).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import jieba

from bot.nlu.normalize import normalize_text
from bot.shop.model import Product, Shop
from bot.types import Entity, Understanding

_WORD_BREAK = re.compile(r"[\s,，、/|()（）·・\-]+")
_COLOUR_SUFFIXES = ("色", "的", "款")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Mention:
    """Where the message names something of the catalogue."""

    value: str
    start: int
    end: int


def find_product(shop: Shop, text: str) -> Product | None:
    """The product the message names: by full name or alias first, else by an unambiguous part;
    when it names several products, the first named."""
    text = _fold(text)
    for terms in _terms(shop.products):
        product_ids = _named(terms, text)
        if product_ids:
            return next(product for product in shop.products if product.id == product_ids[0])
    return None


def find_colour(colours: Iterable[str], text: str) -> Mention | None:
    """A colour of the catalogue: its full name ("深空灰"), or its stem before 色/的/款 ("蓝的"
    for 蓝色) when no other colour has that stem."""
    text = _fold(text)
    colours = sorted(set(colours), key=lambda colour: (-len(colour), colour))
    found = [
        Mention(colour, start, start + len(colour))
        for colour in colours
        if (start := text.find(_fold(colour))) >= 0
    ]
    if found:
        # the first colour written, whatever order the set gives (it changes with the hash seed)
        return min(found, key=lambda mention: (mention.start, -len(mention.value)))
    for colour in colours:
        stem = colour.removesuffix("色")
        if not stem or sum(other.startswith(stem) for other in colours) > 1:
            continue
        for suffix in _COLOUR_SUFFIXES:
            start = text.find(_fold(stem + suffix))
            if start >= 0:
                return Mention(colour, start, start + len(stem))
    return None


def find_size(sizes: Iterable[str], text: str) -> Mention | None:
    """A SKU size written as such ("250g", "XL", "90码"); digits and Latin letters must not run on
    into the size ("190" is not size 90, "XS" not size S)."""
    text = _fold(text)
    found = []
    for size in set(sizes):
        pattern = rf"(?<![0-9A-Za-z.]){re.escape(_fold(size))}(?![0-9A-Za-z])"
        match = re.search(pattern, text)
        if match:
            found.append(Mention(size, match.start(), match.end()))
    # the first size written ("平常穿M 要不要拿L" is about M), the same in every process: a set's
    # order changes with the hash seed
    return min(found, key=lambda mention: (mention.start, -len(mention.value)), default=None)


def with_catalogue(understanding: Understanding, shop: Shop) -> Understanding:
    """The understanding with the product, colour and size the message names in this shop's
    catalogue. Catalogue matches come first; the NLU's generic colour and size words stay as
    they were when the catalogue has nothing to say."""
    product = find_product(shop, understanding.text)
    products = (product,) if product else shop.products
    found = [
        *_product_entity(product, understanding.text),
        *_sku_entity("color", find_colour(_sku_values(products, "color"), understanding.text)),
        *_sku_entity("size", find_size(_sku_values(products, "size"), understanding.text)),
    ]
    if not found:
        return understanding
    replaced = {entity.type for entity in found}
    kept = tuple(entity for entity in understanding.entities if entity.type not in replaced)
    return Understanding(
        text=understanding.text,
        intent_ranking=understanding.intent_ranking,
        entities=(*found, *kept),
        fallback=understanding.fallback,
        second_intent=understanding.second_intent,
    )


def _product_entity(product: Product | None, text: str) -> list[Entity]:
    if product is None:
        return []
    return [Entity("product", product.name, product.name, 0, len(text))]


def _sku_entity(label: str, mention: Mention | None) -> list[Entity]:
    if mention is None:
        return []
    return [Entity(label, mention.value, mention.value, mention.start, mention.end)]


def _sku_values(products: Iterable[Product], attribute: str) -> list[str]:
    values = (getattr(sku, attribute) for product in products for sku in product.skus)
    return [value for value in values if value]


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    return normalize_text(text).lower()


_TERMS: dict[int, tuple] = {}


def _terms(products: tuple[Product, ...]) -> tuple[dict, dict]:
    """Full names and parts of a catalogue, built once per loaded catalogue (a reloaded shop file
    is a new tuple of products)."""
    cached = _TERMS.get(id(products))
    if cached is None or cached[0] is not products:
        cached = _TERMS[id(products)] = (products, _full_terms(products), _part_terms(products))
    return cached[1], cached[2]


def _full_terms(products: tuple[Product, ...]) -> dict[str, set[str]]:
    terms: dict[str, set[str]] = {}
    for product in products:
        for name in product.names:
            terms.setdefault(_fold(name).strip(), set()).add(product.id)
    return terms


def _part_terms(products: tuple[Product, ...]) -> dict[str, set[str]]:
    terms: dict[str, set[str]] = {}
    for product in products:
        for part in {part for name in product.names for part in _parts(_fold(name))}:
            terms.setdefault(part, set()).add(product.id)
    return terms


def _parts(name: str) -> set[str]:
    """Each word of a name and its trailing parts: a Chinese noun ends in its head (紫砂壶 → 壶,
    儿童连体泳衣 → 泳衣), while leading parts are qualifiers other products share (儿童, 运动).
    Parts without a Chinese character ("14", "T") are too common in messages to name anything."""
    parts = set()
    for word in _WORD_BREAK.split(name):
        parts.update(word[start:] for start in range(len(word)))
    return {part for part in parts if _HAN.search(part)}


def _named(terms: dict[str, set[str]], text: str) -> list[str]:
    """Product ids in the order the text names them; a term shared by several products, or lying
    inside a longer term found at the same place, names nothing."""
    found = []
    for term, product_ids in terms.items():
        for start in _occurrences(term, text):
            if len(term) > 1 or _is_word(text, start):
                found.append((start, start + len(term), product_ids))
    longest = [span for span in found if not any(_inside(span, other) for other in found)]
    named = [ids for _, _, ids in sorted(longest, key=lambda span: span[0]) if len(ids) == 1]
    return list(dict.fromkeys(next(iter(ids)) for ids in named))


def _occurrences(term: str, text: str) -> list[int]:
    starts, start = [], text.find(term)
    while start >= 0:
        starts.append(start)
        start = text.find(term, start + 1)
    return starts


def _inside(span: tuple, other: tuple) -> bool:
    return (
        other[0] <= span[0] and span[1] <= other[1] and (other[1] - other[0]) > (span[1] - span[0])
    )


def _is_word(text: str, start: int) -> bool:
    """A one-character part is a word of its own in the message (jieba's segmentation)."""
    return start in _word_starts(text) and start + 1 in _word_starts(text) | {len(text)}


@lru_cache(maxsize=1024)
def _word_starts(text: str) -> frozenset[int]:
    return frozenset(start for _, start, _ in jieba.tokenize(text, HMM=False))
