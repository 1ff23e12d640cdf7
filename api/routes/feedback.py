from __future__ import annotations

from fastapi import APIRouter

from api.contract import body_answers
from api.deps import Service, ShopId, ShopZone
from api.models import FeedbackIn, FeedbackOut, feedback_out, localized
from bot.feedback import Verdict

router = APIRouter(prefix="/v1", tags=["feedback"])


@router.post(
    "/suggestions/{suggestion_id}/feedback",
    response_model=FeedbackOut,
    status_code=201,
    responses=body_answers(401, 404, 409),
)
def give_feedback(
    suggestion_id: str, body: FeedbackIn, shop_id: ShopId, zone: ShopZone, service: Service
) -> FeedbackOut:
    """Accept, edit or reject a draft (or, with no draft_id, reject the whole suggestion).
    One verdict per draft; an edit keeps the draft text and the text the agent sent."""
    record = service.give_feedback(shop_id, suggestion_id, Verdict(**body.dict()))
    return localized(feedback_out(record), zone)
