"""The trainer's pages: the review queue, adding examples, gated training runs and model versions
with rollback, through the same TrainingDesk as /v1/training and /v1/models."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from api.console.pages import problem, redirect, render, status_of
from api.console.session import Desk, Form, TrainerSession
from api.deps import Training
from bot.errors import HuashuError
from bot.intents import INTENTS
from bot.training.review import ReviewItem

router = APIRouter(prefix="/console/training", include_in_schema=False)

REVIEW_LIMIT = 100
# where a labelling form may send the trainer back to
RETURN_PAGES = {"review": "/console/training/review", "examples": "/console/training/examples"}


@router.get("/review")
def review(request: Request, session: TrainerSession, training: Training) -> Response:
    items: list[ReviewItem] = training.review(REVIEW_LIMIT)
    return render(request, "review.html", {"items": items, "intents": INTENTS})


@router.get("/examples")
def examples(request: Request, session: TrainerSession) -> Response:
    added = request.query_params.get("added")
    return render(request, "examples.html", {"intents": INTENTS, "added": added})


@router.post("/examples")
def add_example(
    request: Request, session: TrainerSession, form: Form, training: Training
) -> Response:
    """Labelling a review item and adding a new example are the same write (as in the API)."""
    back = RETURN_PAGES.get(form.get("next", ""), RETURN_PAGES["review"])
    try:
        added = training.add_example(form.get("text", ""), form.get("intent", ""))
    except HuashuError as error:
        return problem(request, status_of(error), error.message, back)
    if back == RETURN_PAGES["examples"]:
        return redirect(f"{back}?added={added.intent}")
    return redirect(back)


@router.get("")
def overview(request: Request, session: TrainerSession, training: Training, desk: Desk) -> Response:
    context = {
        "models": list(reversed(training.models())),
        "served": training.served_version(),
        "runs": desk.recent_runs(),
        "busy": training.runner.busy,
    }
    return render(request, "training.html", context)


@router.post("/runs")
def start_run(
    request: Request, session: TrainerSession, form: Form, training: Training
) -> Response:
    try:
        run = training.start_run()
    except HuashuError as error:
        return problem(request, status_of(error), error.message, "/console/training")
    return redirect(f"/console/training/runs/{run.run_id}")


@router.get("/runs/{run_id}")
def run_page(
    request: Request, run_id: int, session: TrainerSession, training: Training
) -> Response:
    try:
        run = training.run(run_id)
    except HuashuError as error:
        return problem(request, status_of(error), error.message, "/console/training")
    model = next((m for m in training.models() if run.version and m.version == run.version), None)
    context = {"run": run, "model": model, "served": training.served_version()}
    return render(request, "run.html", context)


@router.post("/models/{version}/rollback")
def rollback(
    request: Request, version: str, session: TrainerSession, form: Form, training: Training
) -> Response:
    try:
        training.rollback(version)
    except HuashuError as error:
        return problem(request, status_of(error), error.message, "/console/training")
    return redirect("/console/training")
