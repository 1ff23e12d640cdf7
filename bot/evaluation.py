"""Measuring the intent model: accuracy, macro-F1, per-intent scores, confusions, and accuracy
by message style (traditional, short, long, with platform artefacts, several bubbles)."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.nlu.normalize import bubbles, has_artefacts, normalize_text, to_simplified

LabelledText = tuple[str, str]


@dataclass(frozen=True)
class IntentScores:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class StyleScore:
    size: int
    accuracy: float | None


# The shapes of real traffic (spec/real-messages.md): a quarter under 8 characters, one in ten
# over 36, a third several bubbles, one in five with platform artefacts.
SHORT_BELOW, LONG_ABOVE = 8, 36
STYLES: dict[str, Callable[[str], bool]] = {
    f"short (< {SHORT_BELOW} chars)": lambda text: len(text) < SHORT_BELOW,
    f"long (> {LONG_ABOVE} chars)": lambda text: len(text) > LONG_ABOVE,
    "with artefacts": has_artefacts,
    "without artefacts": lambda text: not has_artefacts(text),
    "several bubbles": lambda text: len(bubbles(text)) > 1,
    "traditional": lambda text: to_simplified(text) != text,
}


@dataclass(frozen=True)
class EvaluationReport:
    accuracy: float
    macro_f1: float
    per_intent: dict[str, IntentScores]
    confusion: dict[tuple[str, str], int]
    traditional_accuracy: float | None
    simplified_accuracy: float | None
    size: int
    by_style: dict[str, StyleScore] = field(default_factory=dict)

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
    predicted = [(text, gold, predict(text)) for text, gold in examples]
    predictions = [(gold, pred, is_traditional(text)) for text, gold, pred in predicted]
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
        by_style=_scores_by_style(predicted),
    )


def _scores_by_style(predicted: Sequence[tuple[str, str, str]]) -> dict[str, StyleScore]:
    scores = {}
    for style, matches in STYLES.items():
        pairs = [(gold, pred) for text, gold, pred in predicted if matches(text)]
        scores[style] = StyleScore(len(pairs), _accuracy(pairs))
    return scores


def overlapping_texts(
    training: Iterable[LabelledText], held_back: Iterable[LabelledText]
) -> list[str]:
    """Held-back messages that are also training examples, compared after normalisation (a
    traditional or full-width copy of a dev message is the same message)."""
    trained = {_comparable(text) for text, _ in training}
    return sorted({text for text, _ in held_back if _comparable(text) in trained})


def _comparable(text: str) -> str:
    return " ".join(normalize_text(text).split())


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
