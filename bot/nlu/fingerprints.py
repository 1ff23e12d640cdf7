"""Cheaper fingerprints for what Rasa hashes after every training step.

Rasa fingerprints the output of every training step for its cache (`.rasa/cache`): every
message, each of its tokens and feature matrices. Its generic hashing costs ~8 MD5s and two JSON
dumps per token and prints each count of a sparse matrix as text: ~14 s of CPU per training of
our ~8,400 examples (measured), on the main process whether or not the cache is used. These
subclasses identify the same content with one hash of their own data. A fingerprint only has to
change when the content does (it is a cache key), so any faithful hash will do.
"""

from __future__ import annotations

import json
from hashlib import md5

import scipy.sparse
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.features import Features


class HashedToken(Token):
    """A token whose fingerprint is one MD5 of its fields (computed each time: a token's
    `data` may still be set by later components)."""

    @classmethod
    def of(cls, token: Token) -> HashedToken:
        return cls(token.text, token.start, token.end, token.data, token.lemma)

    def fingerprint(self) -> str:
        fields = [self.text, self.start, self.end, self.lemma, self.data]
        return _md5(json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str))


class HashedCountFeatures(Features):
    """Sparse features fingerprinted from the matrix's own arrays instead of its text."""

    def fingerprint(self) -> str:
        if self._cached_fingerprint is None:
            matrix = scipy.sparse.csr_matrix(self.features)
            digest = md5(f"{self.type}|{self.origin}|{self.attribute}|{matrix.shape}".encode())
            for array in (matrix.indptr, matrix.indices, matrix.data):
                digest.update(array.dtype.str.encode())
                digest.update(array.tobytes())
            self._cached_fingerprint = digest.hexdigest()
        return self._cached_fingerprint


def _md5(text: str) -> str:
    return md5(text.encode("utf-8")).hexdigest()  # nosec: a cache key, not a secret
