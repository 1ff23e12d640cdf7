from __future__ import annotations

from fastapi import APIRouter, Query

from api.contract import answers, body_answers
from api.deps import TrainerOnly, Training
from api.training_models import (
    ExampleIn,
    ExampleOut,
    ReviewOut,
    RunOut,
    example_out,
    model_out,
    review_item_out,
    run_out,
)
from bot.errors import NotFoundError

router = APIRouter(
    prefix="/v1/training",
    tags=["training"],
    dependencies=[TrainerOnly],
    responses=answers(401, 403),
)


@router.post("/examples", response_model=ExampleOut, status_code=201, responses=body_answers(409))
def add_example(body: ExampleIn, training: Training) -> ExampleOut:
    """Add a labelled example to data/nlu/trainer.yml; duplicates and label conflicts are 409."""
    return example_out(training.add_example(body.text, body.intent))


@router.get("/review", response_model=ReviewOut, responses=answers(422))
def review(training: Training, limit: int = Query(50, ge=1, le=500)) -> ReviewOut:
    """Fallbacks, low-margin predictions and edited or rejected drafts, not yet labelled,
    grouped by normalised text, most frequent first."""
    return ReviewOut(items=[review_item_out(item) for item in training.review(limit)])


@router.post(
    "/review/label", response_model=ExampleOut, status_code=201, responses=body_answers(409)
)
def label(body: ExampleIn, training: Training) -> ExampleOut:
    """Label a message from the queue: it becomes an example and leaves the queue."""
    return example_out(training.add_example(body.text, body.intent))


@router.post("/runs", response_model=RunOut, status_code=202, responses=answers(409))
def start_run(training: Training) -> RunOut:
    """Train and gate a candidate in the background; 409 while another run is in progress."""
    return run_out(training.start_run())


@router.get("/runs/{run_id}", response_model=RunOut, responses=answers(404, 422))
def get_run(run_id: int, training: Training) -> RunOut:
    run = training.run(run_id)
    model = None
    if run.version:
        try:
            record = next(m for m in training.models() if m.version == run.version)
            model = model_out(record, training.served_version())
        except StopIteration:
            raise NotFoundError(f"Model {run.version} is not registered.") from None
    return run_out(run, model)
