"""The cascade of config.yml: a parse embeds only the messages the n-gram model is unsure of."""

from __future__ import annotations

import pytest

from bot.nlu.encoder import shared_encoder
from bot.nlu.normalize import mask_artefacts


@pytest.fixture
def embedded(monkeypatch) -> list[str]:
    """Every text the shared encoder is asked to embed (the encoder still embeds it)."""
    encoder = shared_encoder()
    asked: list[str] = []
    embed = encoder.embed

    def recording(texts, store=None):
        asked.extend(texts)
        return embed(texts, store)

    monkeypatch.setattr(encoder, "embed", recording)
    return asked


def test_a_message_the_ngrams_read_surely_is_not_embedded(nlu_model, embedded):
    parsed = nlu_model.parse("我要退货")
    assert (parsed["intent"]["name"], embedded) == ("refund_intent", [])
    assert parsed["intent"]["confidence"] >= 0.9


def test_an_unsure_message_is_embedded_and_mixed(nlu_model, embedded):
    text = "那行吧"
    nlu_model.parse(text)
    assert embedded == [mask_artefacts(text)]
