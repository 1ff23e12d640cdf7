"""A small copy of the project's training data: real Rasa training on it takes seconds, not the
minutes the full data takes on two cores."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

from bot.nlu.data import read_nlu_examples, write_nlu_examples

PROJECT_DIR = Path(__file__).resolve().parents[1]


def small_data(folder: Path, per_intent: int, *, rules: bool = False) -> Path:
    """`folder` with nlu/topics.yml holding the first `per_intent` examples of every intent
    (and the project's rules/ when `rules`)."""
    by_intent = defaultdict(list)
    for text, intent in read_nlu_examples(PROJECT_DIR / "data" / "nlu"):
        by_intent[intent].append((text, intent))
    kept = [example for intent in sorted(by_intent) for example in by_intent[intent][:per_intent]]
    (folder / "nlu").mkdir(parents=True)
    write_nlu_examples(kept, folder / "nlu" / "topics.yml")
    if rules:
        shutil.copytree(PROJECT_DIR / "data" / "rules", folder / "rules")
    return folder
