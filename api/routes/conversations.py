from __future__ import annotations

from fastapi import APIRouter

from api.contract import answers
from api.deps import Service, ShopId, ShopZone
from api.models import ConversationOut, conversation_out, localized

router = APIRouter(prefix="/v1", tags=["conversations"])


@router.get(
    "/conversations/{conversation_id}",
    response_model=ConversationOut,
    responses=answers(401, 404, 422),
)
def conversation(
    conversation_id: str, shop_id: ShopId, zone: ShopZone, service: Service
) -> ConversationOut:
    """The conversation's buyer messages in order, each with its suggestion and feedback."""
    return localized(conversation_out(service.conversation(shop_id, conversation_id)), zone)
