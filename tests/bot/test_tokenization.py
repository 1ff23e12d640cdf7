import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.lexicon import JIEBA_DICTIONARY_DIR


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory):
    config = {**JiebaTokenizer.get_default_config(), "dictionary_path": str(JIEBA_DICTIONARY_DIR)}
    storage = LocalModelStorage(tmp_path_factory.mktemp("storage"))
    return JiebaTokenizer.create(
        config, storage, Resource("tokenizer"), ExecutionContext(graph_schema=None)
    )


def tokens(tokenizer, text):
    return [token.text for token in tokenizer.tokenize(Message(data={"text": text}), "text")]


@pytest.mark.parametrize(
    "text, word",
    [
        ("有运费险吗", "运费险"),
        ("能货到付款吗", "货到付款"),
        ("发个尺码表看看", "尺码表"),
        ("支持七天无理由吗", "七天无理由"),
        ("能开专票吗", "专票"),
        ("是对公转账", "对公转账"),
        ("游泳圈漏气了", "游泳圈"),
        ("米白色有吗", "米白色"),
    ],
)
def test_domain_words_stay_one_token(tokenizer, text, word):
    assert word in tokens(tokenizer, text)


def test_numbers_and_units_are_separate_tokens(tokenizer):
    assert tokens(tokenizer, "身高165体重90斤") == ["身高", "165", "体重", "90", "斤"]
