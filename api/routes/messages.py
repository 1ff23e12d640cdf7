from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from api.contract import answers, body_answers
from api.deps import ShopId, ShopZone
from api.models import SuggestIn, localized
from api.models_messages import (
    FollowupDoneIn,
    FollowupListOut,
    FollowupOut,
    MessageResultOut,
    followup_out,
    message_result_out,
)
from api.responses import model_response
from bot.messages import MessageService
from bot.service import SuggestRequest

router = APIRouter(prefix="/v1", tags=["after hours"])


def get_messages(request: Request) -> MessageService:
    return request.app.state.messages


Messages = Annotated[MessageService, Depends(get_messages)]


@router.post("/messages", response_model=MessageResultOut, responses=body_answers(401))
def receive(body: SuggestIn, shop_id: ShopId, zone: ShopZone, messages: Messages) -> Response:
    """A buyer message from the shop's platform connector: drafts while the shop is open; while
    closed, the safe automatic reply or the holding message, and a follow-up for the agents."""
    reception = messages.receive(SuggestRequest(shop_id=shop_id, **body.dict()))
    return model_response(localized(message_result_out(reception), zone))


@router.get("/followups", response_model=FollowupListOut, responses=answers(401))
def followups(shop_id: ShopId, zone: ShopZone, messages: Messages) -> FollowupListOut:
    """Conversations that came in while the shop was closed, the longest waiting first."""
    listed = FollowupListOut(followups=[followup_out(f) for f in messages.followups(shop_id)])
    return localized(listed, zone)


@router.post(
    "/followups/{followup_id}/done", response_model=FollowupOut, responses=body_answers(401, 404)
)
def done(
    followup_id: str, body: FollowupDoneIn, shop_id: ShopId, zone: ShopZone, messages: Messages
) -> FollowupOut:
    """An agent has answered the conversation; it leaves the queue."""
    return localized(followup_out(messages.mark_done(shop_id, followup_id, body.agent_id)), zone)
