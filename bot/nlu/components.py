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
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.entities import build_entity_pipeline, extract_entities
from bot.nlu.lexicon import dictionary_words
from bot.nlu.normalize import normalize_text


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
    """Rasa's logistic regression with the regularisation strength `C` exposed (Rasa fixes 1.0).

    The weights are stored as plain numpy arrays: Rasa's own skops format needs `skops.io`,
    whose import scans every loaded module and took 8 s of the API's start-up beside TensorFlow.
    """

    WEIGHTS_FILE = "weights.npz"

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0}

    def __init__(self, config, name, model_storage, resource) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf.set_params(C=float(self.config["C"]))

    def persist(self) -> None:
        with self._model_storage.write_to(self._resource) as model_dir:
            np.savez(
                model_dir / self.WEIGHTS_FILE,
                coef=self.clf.coef_,
                intercept=self.clf.intercept_,
                classes=self.clf.classes_.astype(str),
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
                component.clf.coef_ = weights["coef"]
                component.clf.intercept_ = weights["intercept"]
                component.clf.classes_ = weights["classes"]
        except (ValueError, FileNotFoundError):
            return cls.create(config, model_storage, resource, execution_context)
        return component
