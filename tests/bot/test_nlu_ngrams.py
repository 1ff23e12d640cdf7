import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.components import MaskingJiebaTokenizer, TunedLogisticRegressionClassifier
from bot.nlu.lexicon import JIEBA_DICTIONARY_DIR
from bot.nlu.ngrams import NgramFeaturizer

TRAINING = [
    ("这件衣服能便宜点吗", "price_objection"),
    ("别家才3800 你们4200", "price_objection"),
    ("今天下单今天能发吗", "shipping_time"),
    ("宝宝2岁穿多大码 XL还是L", "size_advice"),
    ("[订单1] 我要退货", "return_refund"),
]
NEW = ["4200太贵了 能少点吗", "XL码明天能发吗", "宝宝3岁", "退货运费谁出"]


def _node(name):
    return Resource(name), ExecutionContext(graph_schema=None, node_name=name)


def _tokenized(texts, tmp_path, intents=None):
    messages = [Message(data={"text": text}) for text in texts]
    for message, intent in zip(messages, intents or [], strict=False):
        message.set("intent", intent)
    tokenizer = MaskingJiebaTokenizer.create(
        {
            **MaskingJiebaTokenizer.get_default_config(),
            "dictionary_path": str(JIEBA_DICTIONARY_DIR),
        },
        LocalModelStorage(tmp_path),
        *_node("tokenizer"),
    )
    tokenizer.process(messages)
    return messages


def _trained(component_class, storage, name, training, **config):
    component = component_class.create(
        {**component_class.get_default_config(), **config}, storage, *_node(name)
    )
    component.train(training)
    return component


@pytest.fixture
def training(tmp_path):
    texts, intents = zip(*TRAINING, strict=True)
    return TrainingData(_tokenized(texts, tmp_path, intents))


def test_counts_are_those_of_rasas_count_vectors_featurizers(tmp_path, training):
    storage = LocalModelStorage(tmp_path)
    ours = _trained(NgramFeaturizer, storage, "ngrams", training)
    words = _trained(
        CountVectorsFeaturizer, storage, "words", training, analyzer="word", max_ngram=2
    )
    chars = _trained(
        CountVectorsFeaturizer, storage, "chars", training, analyzer="char", max_ngram=3
    )
    for text in [text for text, _ in TRAINING] + NEW:
        (by_ours,) = ours.process(_tokenized([text], tmp_path))
        (by_rasa,) = chars.process(words.process(_tokenized([text], tmp_path)))
        ours_sequence, ours_sentence = by_ours.get_sparse_features("text")
        _, rasa_sentence = by_rasa.get_sparse_features("text")
        assert ours_sequence is None
        assert np.array_equal(ours_sentence.features.toarray(), rasa_sentence.features.toarray())


def test_numbers_count_as_one_word_and_case_is_ignored(tmp_path, training):
    featurizer = _trained(NgramFeaturizer, LocalModelStorage(tmp_path), "ngrams", training)
    first, second = featurizer.process(_tokenized(["别家才3800 XL", "别家才5 xl"], tmp_path))
    assert np.array_equal(
        first.get_sparse_features("text")[1].features.toarray(),
        second.get_sparse_features("text")[1].features.toarray(),
    )


def test_vocabularies_survive_persist_and_load(tmp_path, training):
    storage = LocalModelStorage(tmp_path)
    trained = _trained(NgramFeaturizer, storage, "ngrams", training)
    loaded = NgramFeaturizer.load(NgramFeaturizer.get_default_config(), storage, *_node("ngrams"))
    (before,) = trained.process(_tokenized(NEW[:1], tmp_path))
    (after,) = loaded.process(_tokenized(NEW[:1], tmp_path))
    assert np.array_equal(
        before.get_sparse_features("text")[1].features.toarray(),
        after.get_sparse_features("text")[1].features.toarray(),
    )


def test_an_untrained_featurizer_adds_nothing(tmp_path):
    storage = LocalModelStorage(tmp_path)
    empty = _trained(NgramFeaturizer, storage, "ngrams", TrainingData([]))
    loaded = NgramFeaturizer.load(NgramFeaturizer.get_default_config(), storage, *_node("ngrams"))
    for featurizer in (empty, loaded):
        (message,) = featurizer.process(_tokenized(["在吗"], tmp_path))
        assert message.features == []


@pytest.mark.parametrize(
    "config, message",
    [
        (
            {"word_ngrams": [0, 2]},
            "word_ngrams must be [min, max] with 1 <= min <= max, got [0, 2]",
        ),
        (
            {"char_ngrams": [3, 1]},
            "char_ngrams must be [min, max] with 1 <= min <= max, got [3, 1]",
        ),
    ],
)
def test_ngram_ranges_are_checked(config, message):
    with pytest.raises(ValueError) as error:
        NgramFeaturizer.validate_config({**NgramFeaturizer.get_default_config(), **config})
    assert str(error.value) == message


def test_the_classifier_reads_the_features_rasa_would_combine(tmp_path, training):
    storage = LocalModelStorage(tmp_path)
    words = _trained(
        CountVectorsFeaturizer, storage, "words", training, analyzer="word", max_ngram=2
    )
    ours = _trained(NgramFeaturizer, storage, "ngrams", training)
    messages = ours.process(words.process(_tokenized(NEW, tmp_path)))
    classifier = TunedLogisticRegressionClassifier.create(
        TunedLogisticRegressionClassifier.get_default_config(), storage, *_node("classifier")
    )
    sparse, dense = classifier._matrices(messages)
    combined = [message.get_sparse_features("text")[1].features for message in messages]
    assert dense.shape == (len(NEW), 0)
    assert np.array_equal(sparse.toarray(), np.vstack([row.toarray() for row in combined]))
