"""Dependencies shared by the routes: settings, the service, and the caller's shop."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader
from starlette.concurrency import run_in_threadpool

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


async def get_service(request: Request) -> SuggestionService:
    """Following a model switch made by another worker (a database read at most once a second,
    then perhaps a model load) goes to the threadpool, where it cannot stall the loop; the other
    requests only look at the clock here, with no trip through the threadpool."""
    serving = request.app.state.training.serving
    if serving.due():
        await run_in_threadpool(serving.sync)
    return request.app.state.service


Service = Annotated[SuggestionService, Depends(get_service)]


def _present(api_key: str | None, whose: str) -> str:
    if not api_key:
        raise ApiError(
            401, "missing_api_key", f"Send {whose} API key in the {API_KEY_HEADER} header."
        )
    return api_key


def _invalid_key() -> ApiError:
    return ApiError(401, "invalid_api_key", f"The {API_KEY_HEADER} header holds no valid API key.")


def get_shop_id(
    request: Request,
    service: Service,
    api_key: Annotated[str | None, Security(_api_key_scheme)],
) -> str:
    shop_id = service.shop_for_key(_present(api_key, "your shop's"))
    if shop_id is None:
        raise _invalid_key()
    # read by the request log; the key itself is never kept
    request.state.shop_id = shop_id
    return shop_id


ShopId = Annotated[str, Depends(get_shop_id)]


async def get_shop_zone(request: Request, shop_id: ShopId) -> ZoneInfo:
    """The shop's timezone: every date-time in a shop's responses is shown in it. (async: it
    only reads memory, so it needs no trip through the threadpool)"""
    return ZoneInfo(request.app.state.shops[shop_id].hours.timezone)


ShopZone = Annotated[ZoneInfo, Depends(get_shop_zone)]


def get_training(request: Request) -> TrainingDesk:
    return request.app.state.training


Training = Annotated[TrainingDesk, Depends(get_training)]


def require_trainer(
    training: Training, api_key: Annotated[str | None, Security(_api_key_scheme)]
) -> None:
    role = training.key_role(_present(api_key, "a trainer"))
    if role is None:
        raise _invalid_key()
    if role != TRAINER_ROLE:
        message = (
            "This endpoint needs a trainer key; shop agent keys cannot change training data or"
            " models (create one with `python -m bot keys create --trainer`)."
        )
        raise ApiError(403, "trainer_key_required", message)


TrainerOnly = Depends(require_trainer)
