"""Adding labelled examples to the training data, with the checks a trainer needs.

Examples added by trainers go to one file, `data/nlu/trainer.yml`, rewritten whole in a stable
order (intents, then texts, sorted). The topic files are written by hand with comments and a
deliberate order that a rewrite would destroy; one tool-owned file keeps both kinds of diff small
and shows at a glance what trainers added. Rasa merges an intent's examples across files."""

from __future__ import annotations

import csv
import io
import os
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.errors import ConflictError, HuashuError, InvalidRequestError
from bot.intents import INTENTS
from bot.nlu.data import LabelledText, read_nlu_examples, read_nlu_file, write_nlu_examples
from bot.nlu.normalize import normalize_text

TRAINER_FILE = "trainer.yml"
MAX_EXAMPLE_CHARS = 200
# Rasa reads `[3800](amount)` and `{"entity": ...}` inside an example as entity annotations
_ANNOTATION = re.compile(r"\[[^\]]*\]\([^)]*\)|\]\{")


def example_key(text: str) -> str:
    """Texts that differ only in script, width, case or surrounding spaces are the same example."""
    return normalize_text(text).strip().casefold()


@dataclass(frozen=True)
class AddedExample:
    text: str
    intent: str
    path: Path


def check_text(text: str) -> str:
    stripped = text.strip()
    if not stripped:
        raise InvalidRequestError("text: must not be empty or whitespace only.", "empty_text")
    if len(stripped) > MAX_EXAMPLE_CHARS:
        raise InvalidRequestError(
            f"text: must be at most {MAX_EXAMPLE_CHARS} characters (got {len(stripped)}).",
            "text_too_long",
        )
    if len(stripped.splitlines()) > 1:
        raise InvalidRequestError("text: must be a single line.", "multiline_text")
    if _ANNOTATION.search(stripped):
        raise InvalidRequestError(
            "text: must not contain Rasa entity markup such as [3800](amount).", "entity_markup"
        )
    return stripped


def check_intent(intent: str) -> str:
    if intent not in INTENTS:
        raise InvalidRequestError(
            f"intent: unknown intent {intent!r}; use one of {', '.join(INTENTS)}.",
            "unknown_intent",
        )
    return intent


def check_new(text: str, intent: str, known: dict[str, LabelledText]) -> None:
    """Refuses a text the data already holds: as a duplicate, or as a conflict naming the
    intent it already has (never relabelled silently)."""
    existing = known.get(example_key(text))
    if existing is None:
        return
    old_text, old_intent = existing
    if old_intent == intent:
        raise ConflictError(
            f"text: {old_text!r} is already an example of {intent}.", "duplicate_example"
        )
    raise ConflictError(
        f"text: {old_text!r} is already labelled {old_intent}, not {intent}; change it in "
        "data/nlu by hand if the old label is wrong.",
        "label_conflict",
    )


class ExampleBook:
    """The training examples under `nlu_dir`; new ones are appended to the trainer file."""

    def __init__(self, nlu_dir: Path) -> None:
        self.nlu_dir = Path(nlu_dir)
        self.path = self.nlu_dir / TRAINER_FILE
        self._lock = threading.Lock()

    def add(self, text: str, intent: str) -> AddedExample:
        return self.add_many([(text, intent)])[0]

    def add_many(
        self, examples: Sequence[LabelledText], sources: Sequence[str] = ()
    ) -> list[AddedExample]:
        """All or nothing: if any example is refused, nothing is written and the error lists
        every refusal, each prefixed with its source (e.g. `file.csv:3`)."""
        with self._lock:
            known = {example_key(text): (text, intent) for text, intent in self._all()}
            added, errors = [], []
            for index, (raw_text, raw_intent) in enumerate(examples):
                try:
                    added.append(self._checked(raw_text, raw_intent, known))
                except HuashuError as error:
                    errors.append((sources[index] if sources else "", error))
            if errors:
                raise _combined(errors)
            self._write([*self.trainer_examples(), *((a.text, a.intent) for a in added)])
        return added

    def _checked(self, raw_text: str, raw_intent: str, known: dict) -> AddedExample:
        text, intent = check_text(raw_text), check_intent(raw_intent.strip())
        check_new(text, intent, known)
        known[example_key(text)] = (text, intent)
        return AddedExample(text, intent, self.path)

    def trainer_examples(self) -> list[LabelledText]:
        return read_nlu_file(self.path) if self.path.is_file() else []

    def _all(self) -> list[LabelledText]:
        return read_nlu_examples(self.nlu_dir)

    def _write(self, examples: Iterable[LabelledText]) -> None:
        ordered = sorted(examples, key=lambda example: (example[1], example[0]))
        partial = self.path.with_suffix(".yml.partial")
        write_nlu_examples(ordered, partial)
        # a reader (or rasa train) sees the old file or the new one, never half of one
        os.replace(partial, self.path)


def _combined(errors: list[tuple[str, HuashuError]]) -> HuashuError:
    if len(errors) == 1 and not errors[0][0]:
        return errors[0][1]
    lines = [f"{source}: {error.message}" if source else error.message for source, error in errors]
    return InvalidRequestError(
        f"{len(errors)} example(s) refused, nothing was added:\n" + "\n".join(lines),
        "examples_refused",
    )


def read_table(path: Path) -> list[tuple[int, LabelledText]]:
    """(line number, (text, intent)) rows of a CSV or TSV file with `text` and `intent` columns;
    a first row `text,intent` is a header."""
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    try:
        content = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidRequestError(f"Cannot read {path}: {error}.", "unreadable_file") from None
    # A quoted cell may hold a line break: read records, not lines, so that cell keeps it (and is
    # refused as multi-line) and every record is named by the line it starts on.
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    rows, start = [], 1
    for row in reader:
        number, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if number == 1 and [cell.strip().lower() for cell in row] == ["text", "intent"]:
            continue
        if len(row) != 2:
            raise InvalidRequestError(
                f"{path}:{number}: expected 2 columns (text, intent), got {len(row)}.",
                "bad_row",
            )
        rows.append((number, (row[0], row[1])))
    return rows
