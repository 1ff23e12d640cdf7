"""Request and response bodies of the trainer endpoints (`/v1/training`, `/v1/models`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import StrictStr, validator

from api.models import Schema, _Body, _unicode
from bot.store.training import ModelRecord, RunRecord
from bot.training.examples import AddedExample
from bot.training.review import ReviewItem


class ExampleIn(_Body):
    """Checked by the core (bot.training.examples), so the API and the CLI give the same errors."""

    text: StrictStr
    intent: StrictStr

    @validator("text", "intent")
    def _valid_unicode(cls, value: str) -> str:
        _unicode(value)
        return value


class ExampleOut(Schema):
    text: str
    intent: str
    file: str


class ReviewItemOut(Schema):
    text: str
    count: int
    reasons: list[str]
    predicted_intent: str
    confidence: float | None
    last_seen: datetime


class ReviewOut(Schema):
    items: list[ReviewItemOut]


class RunOut(Schema):
    id: int
    status: str
    step: str
    progress: float
    started_at: datetime
    finished_at: datetime | None
    version: str | None
    error: str | None
    model: ModelOut | None = None


class ModelOut(Schema):
    version: str
    served: bool
    status: str
    created_at: datetime
    served_at: datetime | None
    macro_f1: float | None
    report: dict[str, Any] | None
    gate: dict[str, Any] | None
    run_id: int | None


class ModelsOut(Schema):
    served: str
    models: list[ModelOut]


RunOut.update_forward_refs(ModelOut=ModelOut)


def example_out(added: AddedExample) -> ExampleOut:
    return ExampleOut(text=added.text, intent=added.intent, file=added.path.name)


def review_item_out(item: ReviewItem) -> ReviewItemOut:
    return ReviewItemOut(**{**item.__dict__, "reasons": list(item.reasons)})


def model_out(record: ModelRecord, served_version: str) -> ModelOut:
    fields = {k: v for k, v in record.__dict__.items() if k != "path"}
    return ModelOut(**fields, served=record.version == served_version)


def run_out(run: RunRecord, model: ModelOut | None = None) -> RunOut:
    fields = {k: v for k, v in run.__dict__.items() if k != "run_id"}
    return RunOut(id=run.run_id, **fields, model=model)
