from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Query
from pydantic.datetime_parse import parse_datetime
from pydantic.errors import DateTimeError

from api.contract import answers
from api.deps import Service, ShopId, ShopZone
from api.errors import ApiError
from api.models import (
    ServiceFiguresOut,
    StatsOut,
    moment_in_range,
    service_figures_out,
    stats_out,
)
from api.routes.orders import Desk

router = APIRouter(prefix="/v1", tags=["stats"])

DEFAULT_WINDOW = timedelta(days=7)
# the last moment of a day, as stored timestamps have microseconds
_DAY_END = time(23, 59, 59, 999999)
_MOMENT = (
    "An ISO 8601 date-time with a timezone offset (2025-03-01T10:00:00%2B08:00, or Z), or a date "
    "(2025-03-01), read as a day in the shop's timezone"
)


def _invalid(name: str, problem: str) -> ApiError:
    return ApiError(422, "invalid_request", f"{name}: {problem}.")


def _moment(name: str, text: str | None, zone: ZoneInfo, *, end_of_day: bool) -> datetime | None:
    """A date means the start of that day in the shop's timezone for `since`, its last moment
    for `until`, so since=2026-11-30&until=2026-11-30 is that whole day."""
    if text is None:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        day = None
    try:
        if day is not None:
            value = datetime.combine(day, _DAY_END if end_of_day else time(), zone)
        else:
            value = parse_datetime(text)
    except (DateTimeError, ValueError, OverflowError):
        raise _invalid(
            name, "must be an ISO 8601 date-time, such as 2025-03-01T10:00:00+08:00, or a date"
        ) from None
    if value.tzinfo is None:
        raise _invalid(name, "must include a timezone offset, such as Z or %2B08:00")
    try:
        return moment_in_range(value)
    except ValueError as error:
        raise _invalid(name, str(error)) from None


def window(
    zone: ShopZone,
    service: Service,
    since: Annotated[str | None, Query(description=_MOMENT + "; its start.")] = None,
    until: Annotated[str | None, Query(description=_MOMENT + "; its end.")] = None,
) -> tuple[datetime, datetime]:
    """since to until inclusive; defaults: until now, since 7 days before."""
    start = _moment("since", since, zone, end_of_day=False)
    end = _moment("until", until, zone, end_of_day=True) or service.now()
    start = start or end - DEFAULT_WINDOW
    if start >= end:
        raise ApiError(422, "invalid_request", "since: must be earlier than until.")
    return start, end


Window = Annotated[tuple[datetime, datetime], Depends(window)]


@router.get("/stats", response_model=StatsOut, responses=answers(401, 422))
def stats(shop_id: ShopId, zone: ShopZone, service: Service, desk: Desk, span: Window) -> StatsOut:
    """Suggestions and acceptance, edit and rejection rates per intent and per tactic, for
    suggestions made from since to until inclusive, and the shop's service figures over the same
    window (`service`, as GET /v1/stats/service answers). Per intent, a suggestion counts once,
    with its best verdict (accepted > edited > rejected); per tactic, each draft counts once,
    with its own verdict or its suggestion's rejection."""
    figures = desk.service_figures(shop_id, *span)
    return stats_out(service.stats(shop_id, *span), figures, zone)


@router.get("/stats/service", response_model=ServiceFiguresOut, responses=answers(401, 422))
def service_figures(shop_id: ShopId, zone: ShopZone, desk: Desk, span: Window) -> ServiceFiguresOut:
    """The `service` section of GET /v1/stats alone, over the same window: 询单转化率
    (conversations with a buyer message → orders → paid), response times (buyer message to the
    agent's accepted or edited draft; first per conversation and average, with the 10 s / 16 s
    norms), refund-request share and refund time, and payment-reminder conversion by channel
    and by the reason for the channel (reminders due inside the window)."""
    return service_figures_out(desk.service_figures(shop_id, *span), zone)
