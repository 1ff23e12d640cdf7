"""Reading and writing Rasa NLU training examples (`data/nlu/*.yml`) as (text, intent) pairs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from bot.yamlnodes import load_yaml

LabelledText = tuple[str, str]
_EXAMPLE_PREFIX = "- "


REAL_STYLE_FILES = "real_*.yml"


def read_nlu_examples(nlu_dir: str | Path, pattern: str = "*.yml") -> list[LabelledText]:
    """Every intent example of every YAML file under `nlu_dir` matching `pattern`, in file
    order. The real-style examples (written like real traffic) are in `REAL_STYLE_FILES`."""
    examples: list[LabelledText] = []
    for path in sorted(Path(nlu_dir).glob(pattern)):
        examples += read_nlu_file(path)
    return examples


def read_nlu_file(path: str | Path) -> list[LabelledText]:
    """Every intent example of one YAML file, in file order."""
    document = load_yaml(Path(path).read_text(encoding="utf-8")) or {}
    return [
        (text, block["intent"])
        for block in document.get("nlu") or ()
        if "intent" in block
        for text in _example_lines(block["examples"])
    ]


def _example_lines(examples: str) -> list[str]:
    lines = (line.strip() for line in examples.splitlines())
    return [line[len(_EXAMPLE_PREFIX) :].strip() for line in lines if line.startswith("-")]


def write_nlu_examples(examples: Iterable[LabelledText], path: str | Path) -> Path:
    """One block per intent, intents and examples in a stable order so diffs stay small."""
    by_intent: dict[str, list[str]] = defaultdict(list)
    for text, intent in examples:
        by_intent[intent].append(text)
    lines = ['version: "3.1"', "nlu:"]
    for intent in sorted(by_intent):
        lines += [f"- intent: {intent}", "  examples: |"]
        lines += [f"    - {text}" for text in by_intent[intent]]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Path(path)
