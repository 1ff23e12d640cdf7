import numpy as np
import pytest

from bot.nlu import prefetch
from bot.nlu.encoder import EmbeddingStore, SentenceEncoder, default_store_directory
from bot.nlu.prefetch import embed_part, prefetching, training_texts, wait_for_prefetch

NLU = """version: "3.1"
nlu:
- intent: price_objection
  examples: |
    - 能便宜點嗎
    - 别家才３８００
- intent: order_status
  examples: |
    - [订单1] 到哪了
    - [订单2] 到哪了
"""
RULES = """version: "3.1"
rules:
- rule: greet
  steps:
  - intent: greet
  - action: utter_greet
"""
EMBEDDING_CONFIG = """pipeline:
  - name: bot.nlu.components.SentenceEmbeddingFeaturizer
    training_cache: {cache}
    training_examples_per_intent: {per_intent}
"""


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "data" / "nlu").mkdir(parents=True)
    (tmp_path / "data" / "rules").mkdir()
    (tmp_path / "data" / "nlu" / "price.yml").write_text(NLU, encoding="utf-8")
    (tmp_path / "data" / "rules" / "rules.yml").write_text(RULES, encoding="utf-8")
    return tmp_path / "data"


def _config(tmp_path, cache, per_intent="null"):
    path = tmp_path / f"config-{cache}-{per_intent}.yml"
    path.write_text(EMBEDDING_CONFIG.format(cache=cache, per_intent=per_intent), encoding="utf-8")
    return path


def _stored(texts):
    store = EmbeddingStore(default_store_directory(), 384)
    return store.get_many(texts)


def test_the_texts_are_what_the_featurizer_embeds(data):
    expected = ["能便宜点吗", "别家才数字", "订单号 到哪了"]
    assert training_texts(data) == expected
    assert training_texts(data / "nlu" / "price.yml") == expected


def test_with_a_cap_the_texts_are_each_intents_sample(data):
    # 别家才数字 comes before 能便宜点吗 in MD5 order (bot.nlu.sampling)
    assert training_texts(data, 1) == ["别家才数字", "订单号 到哪了"]
    assert training_texts(data, 2) == training_texts(data)


def test_a_worker_embeds_its_share_into_the_store(data):
    texts = training_texts(data)
    assert embed_part(data, 1, 2) == 1
    assert list(_stored(texts)) == [texts[1]]
    assert embed_part(data, 0, 2) == 2
    assert embed_part(data, 0, 2) == 0
    expected = SentenceEncoder(threads=1).embed(texts)
    stored = _stored(texts)
    assert np.allclose(np.stack([stored[text] for text in texts]), expected, atol=1e-6)


def test_training_waits_for_workers_that_fill_the_store(tmp_path, data):
    with prefetching(_config(tmp_path, "true"), data):
        assert len(prefetch._running) >= 1
        wait_for_prefetch()
        assert prefetch._running == []
    assert sorted(_stored(training_texts(data))) == sorted(training_texts(data))


def test_workers_embed_only_the_sample_the_featurizer_will_embed(tmp_path, data):
    with prefetching(_config(tmp_path, "true", per_intent=1), data):
        wait_for_prefetch()
    assert sorted(_stored(training_texts(data))) == ["别家才数字", "订单号 到哪了"]


def test_no_workers_without_the_training_cache(tmp_path, data):
    with prefetching(_config(tmp_path, "false"), data):
        assert prefetch._running == []
    with prefetching(tmp_path / "missing.yml", data):
        assert prefetch._running == []


def test_workers_are_stopped_when_training_fails(tmp_path, data):
    with pytest.raises(RuntimeError), prefetching(_config(tmp_path, "true"), data):
        workers = list(prefetch._running)
        assert workers
        raise RuntimeError("Rasa could not train")
    assert prefetch._running == []
    assert all(worker.poll() is not None for worker in workers)


def test_an_inner_block_uses_the_outer_blocks_workers(tmp_path, data):
    config = _config(tmp_path, "true")
    with prefetching(config, data):
        outer = list(prefetch._running)
        with prefetching(config, data):
            assert prefetch._running == outer
        assert prefetch._running == outer
    assert prefetch._running == []
