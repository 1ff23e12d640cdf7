"""Embedding the training examples while Rasa is still loading and featurizing them.

The first training on a machine spends most of its time in the sentence encoder (~8,400 examples
at ~13 ms each), and Rasa's own steps before the embedding featurizer (imports, reading and
validating the data, tokenising, counting n-grams) keep one core busy for ~40 s meanwhile.
`prefetching` starts one single-threaded worker process per core (at most `MAX_WORKERS`) as
training starts; each embeds its share of the examples into the embedding store (`EmbeddingStore`,
the user's cache folder). The featurizer waits for them (`wait_for_prefetch`) and reads the vectors
from the store; anything a worker did not embed (it failed, the text differs) the featurizer
embeds itself, so the workers change the time a training takes, never its result (their vectors
are bit-identical to the two-threaded encoder's). Single-threaded workers also use the cores
better than one two-threaded encoder (11.3 against 12.6 ms a text, measured).

`python -m bot.nlu.prefetch DATA PART PARTS [PER_INTENT]` is the worker.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from bot.nlu.data import read_nlu_file
from bot.nlu.normalize import mask_artefacts, normalize_text
from bot.nlu.sampling import texts_to_embed
from bot.yamlnodes import load_yaml

_running: list[subprocess.Popen] = []
_BATCH = 64
# each worker holds its own copy of the encoder (~260 MB resident, measured)
MAX_WORKERS = 4
EMBEDDING_FEATURIZER = "bot.nlu.components.SentenceEmbeddingFeaturizer"


@contextmanager
def prefetching(config: str | Path, data: str | Path) -> Iterator[None]:
    """Workers embed what the featurizer will embed of `data` during the training inside this
    block; they are stopped when it ends, whether or not the featurizer waited for them. Inside
    an outer block (the CLI starts them before importing Rasa) the outer block's workers are
    used."""
    featurizer = _cached_featurizer_step(Path(config))
    if _running or featurizer is None:
        yield
        return
    per_intent = featurizer.get("training_examples_per_intent")
    _start_workers(Path(data), min(os.cpu_count() or 1, MAX_WORKERS), per_intent)
    try:
        yield
    finally:
        _stop_workers()


def wait_for_prefetch() -> None:
    """Returns once every worker has finished (at once when none was started)."""
    while _running:
        _running.pop().wait()


def training_texts(data: Path, per_intent: int | None = None) -> list[str]:
    """What the featurizer embeds of `data` (a YAML file or a folder of them): each example's
    normalised text with its platform artefacts masked, each text once, at most `per_intent`
    of each intent (see `bot.nlu.sampling`)."""
    files = [data] if data.is_file() else sorted(data.rglob("*.yml"))
    examples: list[tuple[str, str]] = []
    for path in files:
        examples += read_nlu_file(path)
    encoded = [(mask_artefacts(normalize_text(text)), intent) for text, intent in examples]
    return texts_to_embed(encoded, per_intent)


def _cached_featurizer_step(config: Path) -> dict | None:
    """The embedding featurizer's step of the pipeline in `config` when it keeps its training
    vectors in the cache folder (the only place workers can hand them over), else None."""
    try:
        pipeline = (load_yaml(config.read_text(encoding="utf-8")) or {}).get("pipeline")
    except (OSError, yaml.YAMLError, AttributeError):
        return None
    steps = (step for step in pipeline or () if isinstance(step, dict))
    return next(
        (
            step
            for step in steps
            if step.get("name") == EMBEDDING_FEATURIZER and step.get("training_cache", True)
        ),
        None,
    )


def _start_workers(data: Path, parts: int, per_intent: int | None) -> None:
    environment = {**os.environ, "OMP_NUM_THREADS": "1"}
    sample = [] if per_intent is None else [str(per_intent)]
    for part in range(parts):
        command = [sys.executable, "-m", __name__, str(data), str(part), str(parts), *sample]
        _running.append(
            subprocess.Popen(
                command,
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )


def _stop_workers() -> None:
    while _running:
        worker = _running.pop()
        worker.kill()
        worker.wait()


def embed_part(data: Path, part: int, parts: int, per_intent: int | None = None) -> int:
    """Embeds every `parts`-th text of `training_texts` not yet in the store, starting at
    `part`; returns how many."""
    from bot.nlu.encoder import EmbeddingStore, SentenceEncoder, default_store_directory

    encoder = SentenceEncoder(threads=1, cache_size=0)
    store = EmbeddingStore(default_store_directory(), encoder.dimension)
    mine = training_texts(data, per_intent)[part::parts]
    stored = store.get_many(mine)
    missing = [text for text in mine if text not in stored]
    for start in range(0, len(missing), _BATCH):
        encoder.embed(missing[start : start + _BATCH], store)
    return len(missing)


if __name__ == "__main__":
    sample = int(sys.argv[4]) if len(sys.argv) > 4 else None
    embed_part(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sample)
