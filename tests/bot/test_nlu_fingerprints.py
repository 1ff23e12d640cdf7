import pickle

import numpy as np
import pytest
from rasa.nlu.tokenizers.tokenizer import Token
from scipy.sparse import csr_matrix

from bot.nlu.fingerprints import HashedCountFeatures, HashedToken


def _features(rows, origin="counts"):
    return HashedCountFeatures(csr_matrix(np.array(rows)), "sentence", "text", origin)


def test_a_token_keeps_its_fields():
    token = HashedToken.of(Token("运费险", 3, data={"pattern": 1}, lemma="运费险"))
    fields = (token.text, token.start, token.end, token.data, token.lemma)
    assert fields == ("运费险", 3, 6, {"pattern": 1}, "运费险")


@pytest.mark.parametrize(
    "other",
    [
        Token("运费", 0),
        Token("运费险", 1),
        Token("运费险", 0, end=4),
        Token("运费险", 0, lemma="运费"),
        Token("运费险", 0, data={"pos": "n"}),
    ],
)
def test_a_token_fingerprint_changes_with_every_field(other):
    assert HashedToken.of(Token("运费险", 0)).fingerprint() != HashedToken.of(other).fingerprint()


def test_equal_tokens_have_one_fingerprint_and_later_data_changes_it():
    first, second = HashedToken("到哪了", 5), HashedToken("到哪了", 5)
    assert first.fingerprint() == second.fingerprint()
    second.set("pattern", 1)
    assert first.fingerprint() != second.fingerprint()


def test_count_features_fingerprint_follows_the_counts():
    assert _features([[0, 2, 1]]).fingerprint() == _features([[0, 2, 1]]).fingerprint()
    assert _features([[0, 2, 1]]).fingerprint() != _features([[0, 1, 2]]).fingerprint()
    assert _features([[0, 2, 1]]).fingerprint() != _features([[0, 2, 1, 0]]).fingerprint()
    assert _features([[0, 2, 1]]).fingerprint() != _features([[0, 2, 1]], "other").fingerprint()


def test_combined_features_are_fingerprinted_again():
    features = _features([[0, 2, 1]])
    before = features.fingerprint()
    features.combine_with_features(_features([[1]]))
    assert features.fingerprint() == _features([[0, 2, 1, 1]]).fingerprint() != before


def test_both_survive_rasas_cache_pickling():
    token, features = HashedToken("好的", 0), _features([[1, 0]])
    assert pickle.loads(pickle.dumps(token)).fingerprint() == token.fingerprint()
    assert pickle.loads(pickle.dumps(features)).fingerprint() == features.fingerprint()
