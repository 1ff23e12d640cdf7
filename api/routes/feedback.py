from __future__ import annotations

from fastapi import APIRouter

from api.deps import Service, ShopId
from api.models import FeedbackIn, FeedbackOut, feedback_out
from bot.feedback import Verdict

router = APIRouter(prefix="/v1", tags=["feedback"])


@router.post("/suggestions/{suggestion_id}/feedback", response_model=FeedbackOut, status_code=201)
def give_feedback(
    suggestion_id: str, body: FeedbackIn, shop_id: ShopId, service: Service
) -> FeedbackOut:
    """Accept, edit or reject a draft (or, with no draft_id, reject the whole suggestion).
    One verdict per draft; an edit keeps the draft text and the text the agent sent."""
    record = service.give_feedback(shop_id, suggestion_id, Verdict(**body.dict()))
    return feedback_out(record)
