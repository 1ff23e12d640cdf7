from __future__ import annotations

from fastapi import APIRouter

from api.contract import answers
from api.deps import Service
from api.errors import ApiError
from api.models import ReadyOut, StatusOut

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=StatusOut)
async def healthz() -> StatusOut:
    """Liveness: the process answers."""
    return StatusOut(status="ok")


@router.get("/readyz", response_model=ReadyOut, responses=answers(503))
def readyz(service: Service) -> ReadyOut:
    """Readiness: the model is loaded (it is, once start-up finished) and the database takes
    writes."""
    if not service.is_ready():
        raise ApiError(503, "not_ready", "The database does not accept writes.")
    return ReadyOut(status="ready", model_version=service.model_version)
