"""Measuring the intent model: accuracy, macro-F1, per-intent scores, confusions, and the split
between traditional and simplified messages."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.nlu.normalize import to_simplified

LabelledText = tuple[str, str]


@dataclass(frozen=True)
class IntentScores:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class EvaluationReport:
    accuracy: float
    macro_f1: float
    per_intent: dict[str, IntentScores]
    confusion: dict[tuple[str, str], int]
    traditional_accuracy: float | None
    simplified_accuracy: float | None
    size: int

    def most_confused(self, top: int = 10) -> list[tuple[str, str, int]]:
        pairs = [(gold, pred, n) for (gold, pred), n in self.confusion.items() if gold != pred]
        return sorted(pairs, key=lambda pair: (-pair[2], pair[0], pair[1]))[:top]


def read_labelled_tsv(path: str | Path) -> list[LabelledText]:
    """`text<TAB>intent` lines; a first line `text<TAB>intent` is a header."""
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or (number == 1 and line.strip() == "text\tintent"):
            continue
        text, separator, intent = line.rpartition("\t")
        if not separator or not text.strip() or not intent.strip():
            raise ValueError(f"{path}:{number}: expected `text<TAB>intent`, got {line!r}")
        rows.append((text.strip(), intent.strip()))
    return rows


def is_traditional(text: str) -> bool:
    return to_simplified(text) != text


def stratified_split(
    examples: Iterable[LabelledText], held_out_share: float, seed: int = 7
) -> tuple[list[LabelledText], list[LabelledText]]:
    """The same share of every intent is held out; the seed makes the split repeatable."""
    by_intent: dict[str, list[LabelledText]] = defaultdict(list)
    for example in examples:
        by_intent[example[1]].append(example)
    train, held_out = [], []
    rng = random.Random(seed)
    for intent in sorted(by_intent):
        group = sorted(by_intent[intent])
        rng.shuffle(group)
        cut = round(len(group) * held_out_share)
        held_out += group[:cut]
        train += group[cut:]
    return train, held_out


def evaluate(predict: Callable[[str], str], examples: Sequence[LabelledText]) -> EvaluationReport:
    predictions = [(gold, predict(text), is_traditional(text)) for text, gold in examples]
    confusion = Counter((gold, pred) for gold, pred, _ in predictions)
    intents = sorted({gold for gold, _, _ in predictions})
    per_intent = {intent: _scores(intent, confusion) for intent in intents}
    return EvaluationReport(
        accuracy=_accuracy([(gold, pred) for gold, pred, _ in predictions]),
        macro_f1=sum(score.f1 for score in per_intent.values()) / len(per_intent),
        per_intent=per_intent,
        confusion=dict(confusion),
        traditional_accuracy=_accuracy([(g, p) for g, p, trad in predictions if trad]),
        simplified_accuracy=_accuracy([(g, p) for g, p, trad in predictions if not trad]),
        size=len(predictions),
    )


def _accuracy(pairs: Sequence[tuple[str, str]]) -> float | None:
    return sum(gold == pred for gold, pred in pairs) / len(pairs) if pairs else None


def _scores(intent: str, confusion: Counter) -> IntentScores:
    true_positive = confusion[(intent, intent)]
    predicted = sum(n for (_, pred), n in confusion.items() if pred == intent)
    actual = sum(n for (gold, _), n in confusion.items() if gold == intent)
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return IntentScores(precision, recall, f1, actual)
