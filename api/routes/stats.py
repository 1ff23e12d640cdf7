from __future__ import annotations

from datetime import datetime, timedelta

from fastapi import APIRouter

from api.deps import Service, ShopId
from api.errors import ApiError
from api.models import StatsOut, stats_out

router = APIRouter(prefix="/v1", tags=["stats"])

DEFAULT_WINDOW = timedelta(days=7)


def _aware(name: str, value: datetime | None) -> None:
    if value is not None and value.tzinfo is None:
        message = f"{name}: must include a timezone offset, such as Z or %2B08:00."
        raise ApiError(422, "invalid_request", message)


@router.get("/stats", response_model=StatsOut)
def stats(
    shop_id: ShopId,
    service: Service,
    since: datetime | None = None,
    until: datetime | None = None,
) -> StatsOut:
    """Suggestions and acceptance, edit and rejection rates per intent and per tactic, for
    suggestions made from since to until inclusive. Defaults: until now, since 7 days before."""
    _aware("since", since)
    _aware("until", until)
    until = until or service.now()
    since = since or until - DEFAULT_WINDOW
    if since >= until:
        raise ApiError(422, "invalid_request", "since: must be earlier than until.")
    return stats_out(service.stats(shop_id, since, until))
