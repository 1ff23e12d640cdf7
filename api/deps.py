"""Dependencies shared by the routes: settings, the service, and the caller's shop."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader

from api.errors import ApiError
from api.settings import Settings
from bot.service import SuggestionService
from bot.store.keys import TRAINER_ROLE
from bot.training.desk import TrainingDesk

API_KEY_HEADER = "X-API-Key"
_api_key_scheme = APIKeyHeader(name=API_KEY_HEADER, auto_error=False)


@lru_cache
def get_settings() -> Settings:
    return Settings()


def get_service(request: Request) -> SuggestionService:
    return request.app.state.service


Service = Annotated[SuggestionService, Depends(get_service)]


def get_shop_id(
    request: Request,
    service: Service,
    api_key: Annotated[str | None, Security(_api_key_scheme)],
) -> str:
    if not api_key:
        message = f"Send your shop's API key in the {API_KEY_HEADER} header."
        raise ApiError(401, "missing_api_key", message)
    shop_id = service.shop_for_key(api_key)
    if shop_id is None:
        message = f"The {API_KEY_HEADER} header holds no valid API key."
        raise ApiError(401, "invalid_api_key", message)
    # read by the request log; the key itself is never kept
    request.state.shop_id = shop_id
    return shop_id


ShopId = Annotated[str, Depends(get_shop_id)]


def get_training(request: Request) -> TrainingDesk:
    return request.app.state.training


Training = Annotated[TrainingDesk, Depends(get_training)]


def require_trainer(
    training: Training, api_key: Annotated[str | None, Security(_api_key_scheme)]
) -> None:
    if not api_key:
        message = f"Send a trainer API key in the {API_KEY_HEADER} header."
        raise ApiError(401, "missing_api_key", message)
    role = training.key_role(api_key)
    if role is None:
        message = f"The {API_KEY_HEADER} header holds no valid API key."
        raise ApiError(401, "invalid_api_key", message)
    if role != TRAINER_ROLE:
        message = (
            "This endpoint needs a trainer key; shop agent keys cannot change training data or"
            " models (create one with `python -m bot keys create --trainer`)."
        )
        raise ApiError(403, "trainer_key_required", message)


TrainerOnly = Depends(require_trainer)
