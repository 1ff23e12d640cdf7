from __future__ import annotations

from fastapi import APIRouter

from api.contract import body_answers
from api.deps import Service, ShopId
from api.models import ParseIn, ParseOut, parse_out

router = APIRouter(prefix="/v1", tags=["debugging"])


@router.post("/parse", response_model=ParseOut, responses=body_answers(401))
def parse(body: ParseIn, shop_id: ShopId, service: Service) -> ParseOut:
    """What the NLU model makes of a text: the full intent ranking and the entities. Not logged."""
    return parse_out(service.understand(body.text), service.model_version)
