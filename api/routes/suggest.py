from __future__ import annotations

from fastapi import APIRouter

from api.deps import Service, ShopId
from api.models import SuggestIn, SuggestionOut, suggestion_out
from bot.service import SuggestRequest

router = APIRouter(prefix="/v1", tags=["suggestions"])


@router.post("/suggest", response_model=SuggestionOut)
async def suggest(body: SuggestIn, shop_id: ShopId, service: Service) -> SuggestionOut:
    """Understand a buyer message and draft replies; the message and drafts are logged first."""
    stored = service.suggest(SuggestRequest(shop_id=shop_id, **body.dict()))
    return suggestion_out(stored)
