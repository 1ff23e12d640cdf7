"""Word and character n-gram counts of a message as one sparse sentence feature.

The counts are those of Rasa's CountVectorsFeaturizer (same tokens, numbers → __NUMBER__,
lowercase, one vocabulary per analyzer, sorted), without what our classifier never reads: Rasa
also builds a per-token sequence matrix for every message and counts one message at a time.
Training spent ~15 s there and ~15 s more fingerprinting those matrices for Rasa's cache; here
only the sentence row is counted, straight from the vectorizers' own n-gram analyzers.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.sparse_featurizer.sparse_featurizer import SparseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT, TEXT_TOKENS
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import CountVectorizer

from bot.nlu.fingerprints import HashedCountFeatures

ANALYZERS = ("word", "char")
NUMBER = "__NUMBER__"
_WHOLE_NUMBER = re.compile(r"\b[0-9]+\b")
# Rasa's word pattern: single-character words count (most Chinese words are one or two)
_WORD_PATTERN = r"(?u)\b\w+\b"


def counted_text(message: Message) -> str | None:
    """The tokens as the counters read them, or None for a message without tokens."""
    tokens = message.get(TEXT_TOKENS)
    if not tokens:
        return None
    return " ".join(_WHOLE_NUMBER.sub(NUMBER, token.text).lower() for token in tokens)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class NgramFeaturizer(SparseFeaturizer, GraphComponent):
    """`word_ngrams` and `char_ngrams` are [min, max] ranges; a message gets one sentence
    feature, its word counts then its character counts."""

    VOCABULARY_FILE = "vocabulary.json"

    @classmethod
    def required_components(cls) -> list[type]:
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **SparseFeaturizer.get_default_config(),
            "word_ngrams": [1, 2],
            "char_ngrams": [1, 3],
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        name: str,
        vocabularies: dict[str, dict[str, int]] | None = None,
    ) -> None:
        super().__init__(name, config)
        self._model_storage = model_storage
        self._resource = resource
        self._set_vocabularies(vocabularies or {})

    def _set_vocabularies(self, vocabularies: dict[str, dict[str, int]]) -> None:
        self._vocabularies = vocabularies
        self._readers = [
            (self._analyzer(analyzer), vocabularies[analyzer])
            for analyzer in ANALYZERS
            if analyzer in vocabularies
        ]

    def _analyzer(self, analyzer: str):
        return _counter(analyzer, self._config[f"{analyzer}_ngrams"]).build_analyzer()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> NgramFeaturizer:
        return cls(config, model_storage, resource, execution_context.node_name)

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        for analyzer in ANALYZERS:
            low, high = config[f"{analyzer}_ngrams"]
            if not 1 <= int(low) <= int(high):
                raise ValueError(
                    f"{analyzer}_ngrams must be [min, max] with 1 <= min <= max, "
                    f"got {config[f'{analyzer}_ngrams']!r}"
                )

    def train(self, training_data: TrainingData) -> Resource:
        texts = [counted_text(message) for message in training_data.training_examples]
        texts = [text for text in texts if text is not None]
        if texts:
            self._set_vocabularies(
                {
                    analyzer: _counter(analyzer, self._config[f"{analyzer}_ngrams"])
                    .fit(texts)
                    .vocabulary_
                    for analyzer in ANALYZERS
                }
            )
        self.persist()
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        if not self._readers:
            return messages
        for message in messages:
            text = counted_text(message)
            if text is not None:
                message.add_features(self._sentence_features(text))
        return messages

    def _sentence_features(self, text: str) -> HashedCountFeatures:
        counts = self._counts(text)
        return HashedCountFeatures(counts, FEATURE_TYPE_SENTENCE, TEXT, self._identifier)

    def _counts(self, text: str) -> scipy.sparse.csr_matrix:
        """One row: the word counts, then the character counts. Counted here rather than by
        `CountVectorizer.transform`, whose checks cost several times the counting itself on one
        message; the same analyzers and vocabularies give the same numbers (tested against
        Rasa's featurizer)."""
        columns: Counter[int] = Counter()
        offset = 0
        for analyze, vocabulary in self._readers:
            grams = (vocabulary.get(gram) for gram in analyze(text))
            columns.update(offset + index for index in grams if index is not None)
            offset += len(vocabulary)
        indices = np.array(sorted(columns), dtype=np.int32)
        counts = np.array([columns[index] for index in indices], dtype=np.int64)
        shape = (1, offset)
        return scipy.sparse.csr_matrix((counts, indices, np.array([0, len(indices)])), shape=shape)

    def persist(self) -> None:
        vocabularies = {
            analyzer: {term: int(index) for term, index in vocabulary.items()}
            for analyzer, vocabulary in self._vocabularies.items()
        }
        with self._model_storage.write_to(self._resource) as model_dir:
            text = json.dumps(vocabularies, ensure_ascii=False)
            (model_dir / self.VOCABULARY_FILE).write_text(text, encoding="utf-8")

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> NgramFeaturizer:
        """An archive without vocabularies (nothing to train on) gives a featurizer that adds
        nothing, as Rasa's own featurizers do."""
        try:
            with model_storage.read_from(resource) as model_dir:
                text = (model_dir / cls.VOCABULARY_FILE).read_text(encoding="utf-8")
        except (ValueError, FileNotFoundError):
            return cls.create(config, model_storage, resource, execution_context)
        vocabularies = json.loads(text)
        return cls(config, model_storage, resource, execution_context.node_name, vocabularies)


def _counter(analyzer: str, ngrams: list[int]) -> CountVectorizer:
    """Rasa's vectorizer settings: it learns the vocabulary and splits texts into n-grams."""
    return CountVectorizer(
        analyzer=analyzer,
        token_pattern=_WORD_PATTERN if analyzer == "word" else None,
        ngram_range=(int(ngrams[0]), int(ngrams[1])),
        lowercase=False,
    )
