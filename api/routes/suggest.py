from __future__ import annotations

from fastapi import APIRouter, Response

from api.contract import body_answers
from api.deps import Service, ShopId, ShopZone
from api.models import SuggestIn, SuggestionOut, localized, suggestion_out
from api.responses import model_response
from bot.service import SuggestRequest

router = APIRouter(prefix="/v1", tags=["suggestions"])


@router.post("/suggest", response_model=SuggestionOut, responses=body_answers(401))
def suggest(body: SuggestIn, shop_id: ShopId, zone: ShopZone, service: Service) -> Response:
    """Understand a buyer message and draft replies; the message and drafts are logged first."""
    stored = service.suggest(SuggestRequest(shop_id=shop_id, **body.dict()))
    return model_response(localized(suggestion_out(stored), zone))
