"""What a trainer can do, in one place for the API and the CLI: add examples, read the review
queue, start and follow gated runs, list models and roll back."""

from __future__ import annotations

from collections.abc import Sequence

from bot.errors import ConflictError
from bot.nlu.data import LabelledText, read_nlu_examples
from bot.store import Store
from bot.store.training import ModelRecord, RunRecord
from bot.training.examples import AddedExample, ExampleBook, example_key
from bot.training.review import LOW_MARGIN, ReviewItem, review_queue
from bot.training.runs import TrainingRunner
from bot.training.serving import ModelServing


class TrainingDesk:
    def __init__(
        self, store: Store, book: ExampleBook, runner: TrainingRunner, serving: ModelServing
    ) -> None:
        self._store = store
        self.book = book
        self.runner = runner
        self.serving = serving

    def key_role(self, key: str) -> str | None:
        found = self._store.keys.role_for(key)
        return found[0] if found else None

    def add_example(self, text: str, intent: str) -> AddedExample:
        return self.book.add(text, intent)

    def add_examples(self, examples: Sequence[LabelledText], sources: Sequence[str] = ()):
        return self.book.add_many(examples, sources)

    def review(self, limit: int) -> list[ReviewItem]:
        labelled = {example_key(text) for text, _ in read_nlu_examples(self.book.nlu_dir)}
        return review_queue(self._store.training.review_rows(LOW_MARGIN), labelled, limit)

    def start_run(self) -> RunRecord:
        return self.runner.start()

    def run(self, run_id: int) -> RunRecord:
        return self._store.training.run(run_id)

    def models(self) -> list[ModelRecord]:
        return self.serving.models()

    def served_version(self) -> str:
        """What the database says is served: every worker and the CLI answer the same."""
        return self.serving.served_version()

    def rollback(self, version: str) -> ModelRecord:
        """Refused while a run is going in any process: its promotion would silently undo the
        rollback."""
        if self.runner.busy:
            raise ConflictError(
                "A training run is in progress and may promote its model; "
                "roll back after it finishes.",
                "run_in_progress",
            )
        return self.serving.rollback(version)
