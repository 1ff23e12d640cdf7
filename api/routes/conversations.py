from __future__ import annotations

from fastapi import APIRouter

from api.deps import Service, ShopId
from api.models import ConversationOut, conversation_out

router = APIRouter(prefix="/v1", tags=["conversations"])


@router.get("/conversations/{conversation_id}", response_model=ConversationOut)
def conversation(conversation_id: str, shop_id: ShopId, service: Service) -> ConversationOut:
    """The conversation's buyer messages in order, each with its suggestion and feedback."""
    return conversation_out(service.conversation(shop_id, conversation_id))
