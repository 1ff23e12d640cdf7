from __future__ import annotations

from fastapi import APIRouter

from api.contract import answers
from api.deps import TrainerOnly, Training
from api.training_models import ModelOut, ModelsOut, model_out

router = APIRouter(
    prefix="/v1/models",
    tags=["training"],
    dependencies=[TrainerOnly],
    responses=answers(401, 403),
)


@router.get("", response_model=ModelsOut)
def list_models(training: Training) -> ModelsOut:
    """Every model version: which one serves, when it was made, its held-out metrics, and the
    gate's verdict."""
    served = training.served_version()
    return ModelsOut(served=served, models=[model_out(m, served) for m in training.models()])


@router.post("/{version}/rollback", response_model=ModelOut, responses=answers(404, 409))
def rollback(version: str, training: Training) -> ModelOut:
    """Serve this version again, now, without a restart."""
    record = training.rollback(version)
    return model_out(record, training.served_version())
