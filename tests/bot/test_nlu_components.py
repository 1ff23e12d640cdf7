import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.components import (
    ChineseTextNormalizer,
    ShopEntityExtractor,
    TunedLogisticRegressionClassifier,
)


def create(component_class, tmp_path, **config):
    return component_class.create(
        {**getattr(component_class, "get_default_config", dict)(), **config},
        LocalModelStorage(tmp_path),
        Resource(component_class.__name__),
        ExecutionContext(graph_schema=None),
    )


def test_normalizer_rewrites_messages(tmp_path):
    message = Message(data={"text": "這個ＸＬ碼還有嗎"})
    create(ChineseTextNormalizer, tmp_path).process([message])
    assert message.get("text") == "这个XL码还有吗"


def test_normalizer_rewrites_training_examples(tmp_path):
    data = TrainingData([Message(data={"text": "請問運費多少錢", "intent": "shipping_time"})])
    create(ChineseTextNormalizer, tmp_path).process_training_data(data)
    assert [example.get("text") for example in data.training_examples] == ["请问运费多少钱"]


def test_extractor_adds_catalogue_products_and_patterns(tmp_path):
    message = Message(data={"text": "儿童连体泳衣宝宝2岁穿多大"})
    create(ShopEntityExtractor, tmp_path).process([message])
    assert message.get("entities") == [
        {"entity": "product", "value": "儿童连体泳衣", "start": 0, "end": 6, "text": "儿童连体泳衣",
         "confidence_entity": 1.0, "extractor": "ShopEntityExtractor"},
        {"entity": "age", "value": 2, "start": 8, "end": 10, "text": "2岁",
         "confidence_entity": 1.0, "extractor": "ShopEntityExtractor"},
    ]  # fmt: skip


def test_extractor_keeps_entities_found_earlier(tmp_path):
    earlier = {"entity": "size", "value": "L", "start": 0, "end": 1, "extractor": "Other"}
    message = Message(data={"text": "L码", "entities": [earlier]})
    create(ShopEntityExtractor, tmp_path).process([message])
    assert message.get("entities")[0] == earlier


def test_classifier_weights_survive_persist_and_load(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("classifier")
    context = ExecutionContext(graph_schema=None, node_name="classifier")
    config = {**TunedLogisticRegressionClassifier.get_default_config(), "C": 30}
    trained = TunedLogisticRegressionClassifier.create(config, storage, resource, context)
    features = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0]], dtype=float)
    trained.clf.fit(features, ["greet", "thanks", "out_of_scope", "greet"])
    trained.persist()
    loaded = TunedLogisticRegressionClassifier.load(config, storage, resource, context)
    assert loaded.clf.C == 30
    assert list(loaded.clf.classes_) == ["greet", "out_of_scope", "thanks"]
    assert np.array_equal(loaded.clf.predict_proba(features), trained.clf.predict_proba(features))
