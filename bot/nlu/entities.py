"""The entity pipeline: a blank spaCy Chinese pipeline built in code (no model download).

jieba segments with the domain user dictionary; an entity ruler finds generic colour words; the
`shop_patterns` component adds the numeric and time entities of `bot.nlu.patterns` with their
normalised values. No catalogue is trained into the model: products and the colours and sizes of
a shop's SKUs are recognised at request time from the requesting shop's file (`bot.catalogue`).
"""

# No `from __future__ import annotations` here: spaCy validates factory signatures at run time.
from collections.abc import Iterable

import jieba
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from bot.nlu.patterns import find_pattern_matches
from bot.types import Entity

# The pattern match behind a span: jieba's tokens can be wider than the match ("110码有"), so the
# entity reports the match's own offsets and normalised value.
Span.set_extension("match", default=None, force=True)


@Language.factory("shop_patterns")
def create_shop_patterns(nlp: Language, name: str) -> "ShopPatterns":
    return ShopPatterns()


class ShopPatterns:
    """Adds pattern entities to `doc.ents`; ruler entities (colours) keep their place."""

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.ents)
        for found in find_pattern_matches(doc.text):
            span = doc.char_span(found.start, found.end, label=found.label, alignment_mode="expand")
            if span is not None:
                span._.match = found
                spans.append(span)
        doc.ents = filter_spans(spans)
        return doc


def load_user_dictionary(words: Iterable[str]) -> None:
    """jieba's dictionary is process-wide, so Rasa's JiebaTokenizer sees these words too."""
    for word in words:
        jieba.add_word(word)


def build_entity_pipeline(colors: Iterable[str] = ()) -> Language:
    colors = sorted(set(colors))
    load_user_dictionary(colors)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns([{"label": "color", "pattern": name} for name in colors])
    nlp.add_pipe("shop_patterns")
    return nlp


def extract_entities(nlp: Language, text: str) -> list[Entity]:
    return [_to_entity(span) for span in nlp(text).ents]


def _to_entity(span: Span) -> Entity:
    match = span._.match
    if match is None:
        return Entity(span.label_, span.text, span.text, span.start_char, span.end_char)
    text = span.doc.text[match.start : match.end]
    return Entity(span.label_, match.value, text, match.start, match.end)
