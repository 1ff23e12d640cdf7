"""Which training examples the sentence encoder embeds.

Embedding is most of a first training's time (~25 ms an example on one core, ~8,400 examples).
The dense model only decides the messages the n-gram model is unsure of, and it loses almost
nothing when it learns from a sample of each intent (`make evaluate`, README): the featurizer's
`training_examples_per_intent` caps how many examples of each intent it embeds.

The sample is each intent's texts with the smallest MD5, so the training process and the
prefetching workers (`bot.nlu.prefetch`) pick the same texts without talking to each other,
the same data always gives the same model, and adding an example swaps at most one text of its
intent's sample.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from hashlib import md5


def texts_to_embed(examples: Iterable[tuple[str, str | None]], per_intent: int | None) -> list[str]:
    """The distinct texts of `examples` ((text, intent) pairs, texts as the encoder reads them)
    to embed, in their first order: all of them when `per_intent` is None, else at most
    `per_intent` of each intent. A text without an intent trains no classifier, so with a cap it
    is not embedded; a text under two intents is embedded when either intent's sample has it."""
    examples = list(examples)
    if per_intent is None:
        return list(dict.fromkeys(text for text, _ in examples))
    chosen = _sample(examples, per_intent)
    return [text for text in dict.fromkeys(text for text, _ in examples) if text in chosen]


def _sample(examples: list[tuple[str, str | None]], per_intent: int) -> set[str]:
    texts_by_intent: dict[str, set[str]] = defaultdict(set)
    for text, intent in examples:
        if intent:
            texts_by_intent[intent].add(text)
    return {
        text
        for texts in texts_by_intent.values()
        for text in sorted(texts, key=_stable_order)[:per_intent]
    }


def _stable_order(text: str) -> str:
    return md5(text.encode("utf-8")).hexdigest()  # nosec: an order, not a secret
