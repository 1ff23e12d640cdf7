"""Custom Rasa graph components, so `rasa train`, `rasa shell`, `rasa test` and the API all see the
same normalised text and the same entities.

They import Rasa's engine (not rasa_sdk, not Rasa's server) and delegate the work to `bot.nlu`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import (
    ENTITIES,
    FEATURE_TYPE_SENTENCE,
    INTENT,
    INTENT_RANKING_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from scipy.sparse import csr_matrix
from scipy.special import expit, softmax
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression

from bot.nlu.encoder import (
    DEFAULT_THREADS,
    EmbeddingStore,
    SentenceEncoder,
    default_store_directory,
    shared_encoder,
)
from bot.nlu.entities import build_entity_pipeline, extract_entities
from bot.nlu.fingerprints import HashedToken
from bot.nlu.lexicon import dictionary_words
from bot.nlu.normalize import has_nothing_to_read, mask_artefacts, normalize_text
from bot.nlu.prefetch import wait_for_prefetch
from bot.nlu.sampling import texts_to_embed


def embed_messages(
    messages: list[Message], encoder: SentenceEncoder, store: EmbeddingStore | None = None
) -> np.ndarray:
    """The embedding of each message's text with its platform artefacts masked: what the
    featurizer adds in training and what the classifier's cascade embeds when parsing."""
    return encoder.embed([masked_text(message) for message in messages], store)


def masked_text(message: Message) -> str:
    """What the tokenizer and the sentence encoder read of a message: its text with platform
    artefacts masked."""
    return mask_artefacts(message.get(TEXT) or "")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class ChineseTextNormalizer(GraphComponent):
    """Traditional → simplified and full-width → half-width before tokenisation. Registered as a
    tokenizer-type component because it must run on the raw text, before any real tokenizer."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ChineseTextNormalizer:
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            if message.get(TEXT):
                message.set(TEXT, normalize_text(message.get(TEXT)))
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=True)
class MaskingJiebaTokenizer(JiebaTokenizer):
    """jieba over the message with its platform artefacts masked (`[订单1]`, links, phone numbers,
    amounts → one word each, see `mask_artefacts`). The message text itself is unchanged, so the
    entity extractor still reads the buyer's digits at their own offsets; token offsets are
    offsets in the masked text, which only the featurizers read. Spaces between bubbles are
    not tokens. Tokens are `HashedToken`s (cheaper for Rasa's cache to fingerprint)."""

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        if attribute != TEXT:
            return [HashedToken.of(token) for token in super().tokenize(message, attribute)]
        masked = Message(data={TEXT: masked_text(message)})
        tokens = super().tokenize(masked, TEXT)
        return [HashedToken.of(token) for token in tokens if token.text.strip()]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    """The pretrained sentence encoder's unit-length embedding of the masked message as a dense
    sentence feature. Its weight against the n-grams is the classifier's (`dense_C`,
    `dense_weight`): the classifier's cascade embeds messages itself, the same way."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **DenseFeaturizer.get_default_config(),
            "threads": DEFAULT_THREADS,
            "training_cache": True,
            # at most this many examples of each intent are embedded in training (None: all);
            # see bot/nlu/sampling.py
            "training_examples_per_intent": None,
            # false: parsing leaves the embedding to the classifier, which embeds only the
            # messages its n-gram model is unsure of (`embed_below_confidence`)
            "embed_when_parsing": True,
        }

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        self._encoder = shared_encoder(int(config["threads"]))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEmbeddingFeaturizer:
        return cls(config, execution_context.node_name)

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if int(config["threads"]) < 1:
            raise ValueError(f"threads must be 1 or more, got {config['threads']!r}")
        per_intent = config["training_examples_per_intent"]
        if per_intent is not None and (not isinstance(per_intent, int) or per_intent < 1):
            raise ValueError(
                "training_examples_per_intent must be a whole number of 1 or more (or null for "
                f"every example), got {per_intent!r}"
            )

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """The training set (or each intent's sample, `training_examples_per_intent`) in
        batches; with `training_cache`, vectors of earlier runs come from the user's cache
        folder (see `EmbeddingStore`). Examples outside the sample get no dense feature."""
        store = None
        if self._config["training_cache"]:
            wait_for_prefetch()
            store = EmbeddingStore(default_store_directory(), self._encoder.dimension)
        self._add_embeddings(self._sampled(training_data.training_examples), store)
        return training_data

    def _sampled(self, messages: list[Message]) -> list[Message]:
        per_intent = self._config["training_examples_per_intent"]
        if per_intent is None:
            return messages
        with_text = [message for message in messages if message.get(TEXT) is not None]
        texts = [masked_text(message) for message in with_text]
        intents = [message.get(INTENT) for message in with_text]
        chosen = set(texts_to_embed(zip(texts, intents, strict=True), per_intent))
        pairs = zip(with_text, texts, strict=True)
        return [message for message, text in pairs if text in chosen]

    def process(self, messages: list[Message]) -> list[Message]:
        if not self._config["embed_when_parsing"]:
            return messages
        return self._add_embeddings(messages, None)

    def _add_embeddings(
        self, messages: list[Message], store: EmbeddingStore | None
    ) -> list[Message]:
        with_text = [message for message in messages if message.get(TEXT) is not None]
        vectors = embed_messages(with_text, self._encoder, store)
        for message, vector in zip(with_text, vectors, strict=True):
            self.add_features_to_message(None, vector.reshape(1, -1), TEXT, message)
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class ShopEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Runs the spaCy entity pipeline of `bot.nlu.entities`: generic entities only; products
    are recognised at request time from the requesting shop's catalogue (`bot.catalogue`)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"colors_file": "colors.txt"}

    def __init__(self, config: dict[str, Any]) -> None:
        self._nlp = build_entity_pipeline(colors=dictionary_words(config["colors_file"]))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ShopEntityExtractor:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            found = [
                self._to_rasa_entity(entity)
                for entity in extract_entities(self._nlp, message.get(TEXT) or "")
            ]
            message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages

    def _to_rasa_entity(self, entity) -> dict[str, Any]:
        return {
            "entity": entity.type,
            "value": entity.value,
            "start": entity.start,
            "end": entity.end,
            "text": entity.text,
            "confidence_entity": 1.0,
            "extractor": self.__class__.__name__,
        }


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TunedLogisticRegressionClassifier(LogisticRegressionClassifier):
    """Logistic regression on the sparse n-gram counts (strength `C`; Rasa fixes 1.0) and, when
    the pipeline has dense sentence features, a second logistic regression on those (`dense_C`).
    Their log-probabilities are mixed with `dense_weight`. Two models instead of one on the
    concatenated features: the joint fit spent most of its time on the 384 dense columns of
    every row and took several times longer to train for the same accuracy.

    A message with nothing to read ("/" is stripped to nothing, "//", "/ ", "。。。") is
    `empty_message_intent` (out_of_scope: there is no request) with full confidence; one without
    sparse features gets zeros in their place instead of a row of the wrong width.

    The weights are stored as plain numpy arrays: Rasa's own skops format needs `skops.io`,
    whose import scans every loaded module and took 8 s of the API's start-up beside TensorFlow.
    """

    WEIGHTS_FILE = "weights.npz"

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **LogisticRegressionClassifier.get_default_config(),
            "C": 1.0,
            "dense_C": 1.0,
            "dense_solver": "lbfgs",
            "dense_weight": 0.5,
            # a cascade: when set, a parsed message whose n-gram reading is at least this sure is
            # classified on n-grams alone; the others are embedded here (unless a featurizer
            # already did) and mixed as in training
            "embed_below_confidence": None,
            "empty_message_intent": "out_of_scope",
        }

    def __init__(self, config, name, model_storage, resource) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf.set_params(C=float(self.config["C"]))
        self.dense_clf = clone(self.clf).set_params(
            C=float(self.config["dense_C"]), solver=self.config["dense_solver"]
        )
        self.dense_trained = False
        self.feature_widths: tuple[int, int] | None = None

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if not examples:
            return self._resource
        labels = [example.get(INTENT) for example in examples]
        sparse, dense = self._matrices(examples)
        self.clf.fit(sparse, labels)
        if dense.shape[1] and float(self.config["dense_weight"]) > 0:
            self._fit_dense(dense, labels)
        self.persist()
        return self._resource

    def _fit_dense(self, dense: np.ndarray, labels: list[str]) -> None:
        """Fits the dense model on the examples the featurizer embedded (the others' rows are
        zeros: an embedding has unit length). It mixes its probabilities column by column with
        the n-gram model's, so it must know every intent."""
        embedded = np.flatnonzero(dense.any(axis=1))
        embedded_labels = [labels[i] for i in embedded]
        missing = sorted(set(labels) - set(embedded_labels))
        if missing:
            raise ValueError(
                f"no example of {', '.join(missing)} has a sentence embedding: the embedding "
                "featurizer must embed some examples of every intent"
            )
        self.dense_clf.fit(dense[embedded], embedded_labels)
        self.dense_trained = True

    def process(self, messages: list[Message]) -> list[Message]:
        if not messages:
            return messages
        for message, row in zip(messages, self._probabilities(messages), strict=True):
            ranking = self._ranking(row)
            if has_nothing_to_read(message.get(TEXT) or ""):
                ranking = self._empty_message_ranking(ranking)
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    def _ranking(self, probabilities: np.ndarray) -> list[dict[str, Any]]:
        order = np.argsort(-probabilities, kind="stable")
        length = int(self.config[RANKING_LENGTH]) or len(order)
        return [
            {"name": str(self.clf.classes_[i]), "confidence": float(probabilities[i])}
            for i in order[:length]
        ]

    def _probabilities(self, messages: list[Message]) -> np.ndarray:
        sparse, dense = self._matrices(messages)
        sparse_p = _predicted(self.clf, sparse)
        log_p = np.log(sparse_p + _TINY)
        if not self.dense_trained:
            return _normalised(log_p)
        mixed = self._mixed_rows(messages, sparse_p)
        if mixed.size:
            weight = float(self.config["dense_weight"])
            dense = self._dense_of(messages, dense, mixed)
            dense_log_p = np.log(_predicted(self.dense_clf, dense[mixed]) + _TINY)
            log_p[mixed] = (1 - weight) * log_p[mixed] + weight * dense_log_p
        return _normalised(log_p)

    def _mixed_rows(self, messages: list[Message], sparse_p: np.ndarray) -> np.ndarray:
        """The rows read with the embedding too: all of them, or with the cascade those whose
        n-gram reading is unsure."""
        threshold = self.config["embed_below_confidence"]
        if threshold is None:
            return np.arange(len(messages))
        return np.flatnonzero(sparse_p.max(axis=1) < float(threshold))

    def _dense_of(self, messages: list[Message], dense: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """`dense` with the embedding filled in for the `rows` no featurizer embedded (their
        rows are zeros: an embedding has unit length)."""
        missing = [i for i in rows if not dense[i].any()]
        if missing:
            dense = dense.copy()
            dense[missing] = embed_messages([messages[i] for i in missing], shared_encoder())
        return dense

    def _empty_message_ranking(self, ranking: list[dict[str, Any]]) -> list[dict[str, Any]]:
        empty_intent = self.config["empty_message_intent"]
        if empty_intent not in self.clf.classes_:
            return ranking
        return [{"name": empty_intent, "confidence": 1.0}]

    def _matrices(self, messages: list[Message]) -> tuple[csr_matrix, np.ndarray]:
        """The sparse sentence features (zeros where a message has none) and the dense ones."""
        parts = [self._sentence_features(message) for message in messages]
        if self.feature_widths is None:
            self.feature_widths = _widths_of(parts)
        sparse_width, dense_width = self.feature_widths
        sparse = _sparse_rows([s for s, _ in parts], sparse_width)
        dense = np.vstack(
            [np.hstack(d).reshape(1, -1) if d else np.zeros((1, dense_width)) for _, d in parts]
        )
        return sparse, dense

    @staticmethod
    def _sentence_features(message: Message) -> tuple[list[Any], list[Any]]:
        """The sparse and the dense sentence features, each in the order the featurizers added
        them (the order `Message.get_sparse_features` combines them in, without its deep copy
        of every matrix and its combining of sequence features this classifier never reads)."""
        sentence = [
            feature
            for feature in message.features
            if feature.attribute == TEXT and feature.type == FEATURE_TYPE_SENTENCE
        ]
        return (
            [feature.features for feature in sentence if feature.is_sparse()],
            [feature.features for feature in sentence if feature.is_dense()],
        )

    def persist(self) -> None:
        dense_coef = self.dense_clf.coef_ if self.dense_trained else np.zeros((0, 0))
        dense_intercept = self.dense_clf.intercept_ if self.dense_trained else np.zeros(0)
        with self._model_storage.write_to(self._resource) as model_dir:
            np.savez(
                model_dir / self.WEIGHTS_FILE,
                coef=self.clf.coef_,
                intercept=self.clf.intercept_,
                classes=self.clf.classes_.astype(str),
                feature_widths=np.array(self.feature_widths or (0, 0)),
                dense_coef=dense_coef,
                dense_intercept=dense_intercept,
            )

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TunedLogisticRegressionClassifier:
        """Like Rasa's classifiers, a model trained without this resource gets an untrained one."""
        component = cls(config, execution_context.node_name, model_storage, resource)
        try:
            with model_storage.read_from(resource) as model_dir:
                weights = np.load(model_dir / cls.WEIGHTS_FILE, allow_pickle=False)
                component._set_weights(weights)
        except (ValueError, FileNotFoundError):
            return cls.create(config, model_storage, resource, execution_context)
        return component

    def _set_weights(self, weights: Any) -> None:
        self.clf.coef_ = weights["coef"]
        self.clf.intercept_ = weights["intercept"]
        self.clf.classes_ = weights["classes"]
        self.feature_widths = _stored_widths(weights)
        if "dense_coef" in weights.files and weights["dense_coef"].size:
            self.dense_clf.coef_ = weights["dense_coef"]
            self.dense_clf.intercept_ = weights["dense_intercept"]
            self.dense_clf.classes_ = weights["classes"]
            self.dense_trained = True


# Keeps log(0) out of the mix when one model is certain.
_TINY = 1e-12


def _predicted(model: LogisticRegression, features) -> np.ndarray:
    """`model.predict_proba(features)` without its input checks, which took longer than the
    arithmetic on one message: one-vs-rest models (liblinear) normalise the classes' sigmoids,
    multinomial ones take the softmax, as scikit-learn does."""
    if len(model.classes_) <= 2:
        return model.predict_proba(features)
    scores = np.asarray(features @ model.coef_.T) + model.intercept_
    if _one_vs_rest(model):
        probabilities = expit(scores)
        return probabilities / probabilities.sum(axis=1, keepdims=True)
    return softmax(scores, axis=1)


def _one_vs_rest(model: LogisticRegression) -> bool:
    return model.multi_class == "ovr" or (
        model.multi_class == "auto" and model.solver == "liblinear"
    )


def _normalised(log_p: np.ndarray) -> np.ndarray:
    log_p = log_p - log_p.max(axis=1, keepdims=True)
    probabilities = np.exp(log_p)
    return probabilities / probabilities.sum(axis=1, keepdims=True)


def _widths_of(parts: list[tuple[Any, Any]]) -> tuple[int, int]:
    """The sparse and dense widths the classifier is trained on, from the first message that
    has each kind of feature (0 when no message has it)."""
    sparse = next((sum(part.shape[1] for part in s) for s, _ in parts if s), 0)
    dense = next((sum(part.shape[1] for part in d) for _, d in parts if d), 0)
    return sparse, dense


def _sparse_rows(rows: list[list[Any]], width: int) -> csr_matrix:
    """One CSR matrix, a row per message, each row its parts side by side (a message without
    parts is a row of zeros). Built in one go: scipy's stacking checks and converts every
    one-row part, which took a third of a parse."""
    data, indices, indptr = [], [], [0]
    for parts in rows:
        offset, stored = 0, 0
        for part in parts:
            part = part if part.format == "csr" else part.tocsr()
            start, end = part.indptr[0], part.indptr[-1]
            data.append(part.data[start:end])
            indices.append(part.indices[start:end] + offset)
            offset, stored = offset + part.shape[1], stored + end - start
        indptr.append(indptr[-1] + stored)
    if not data:
        return csr_matrix((len(rows), width))
    matrix = (np.concatenate(data), np.concatenate(indices), np.array(indptr))
    return csr_matrix(matrix, shape=(len(rows), width))


def _stored_widths(weights: Any) -> tuple[int, int]:
    """Archives from before the dense features stored no widths: all their columns are sparse."""
    if "feature_widths" in weights.files:
        sparse, dense = (int(width) for width in weights["feature_widths"])
        return sparse, dense
    return int(weights["coef"].shape[1]), 0
