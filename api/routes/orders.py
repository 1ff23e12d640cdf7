"""Order events from a platform connector, and the payment reminders (催付) planned from them.
Nothing is sent from here: agents call and write, these endpoints plan and draft."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import PlainTextResponse

from api.contract import answers, body_answers
from api.deps import ShopId
from api.errors import ApiError
from api.models_orders import (
    DailyOut,
    OrderEventIn,
    OrderOut,
    OutcomeIn,
    ReminderOut,
    RemindersOut,
    daily_out,
    order_out,
    reminder_out,
    reminders_out,
)
from bot.reminders import ReminderDesk

router = APIRouter(prefix="/v1", tags=["orders and reminders"])
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(2999, 12, 31)


def get_reminders(request: Request) -> ReminderDesk:
    return request.app.state.reminders


Desk = Annotated[ReminderDesk, Depends(get_reminders)]


def get_zone(shop_id: ShopId, desk: Desk) -> ZoneInfo:
    """Every date-time of a shop's responses is shown in the shop's timezone."""
    return desk.zone(shop_id)


Zone = Annotated[ZoneInfo, Depends(get_zone)]


def _day(name: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        day = None
    if day is None or not FIRST_DAY <= day <= LAST_DAY:
        raise ApiError(422, "invalid_request", f"{name}: must be a date like 2026-11-30.")
    return day


@router.post("/orders", response_model=OrderOut, status_code=201, responses=body_answers(401))
def post_order_event(
    body: OrderEventIn, response: Response, shop_id: ShopId, zone: Zone, desk: Desk
) -> OrderOut:
    """Records one order event (created, paid, cancelled, refunded) with the order's snapshot.
    201 when the event is new; 200 and the order unchanged when this (order, event) was already
    recorded."""
    order, new = desk.record_event(shop_id, body.to_event())
    if not new:
        response.status_code = 200
    return order_out(order, zone)


@router.get("/reminders", response_model=RemindersOut, responses=answers(401))
def due_reminders(shop_id: ShopId, zone: Zone, desk: Desk) -> RemindersOut:
    """The unpaid orders to follow up now, each with its channel, the reason for that channel
    and a script. Listing again returns the same reminders until an outcome is recorded; an
    order gets at most one reminder a day, none at night and none once paid or cancelled."""
    return reminders_out(desk.due(shop_id), desk.now(), zone)


@router.post(
    "/reminders/{reminder_id}/outcome",
    response_model=ReminderOut,
    responses=body_answers(401, 404, 409),
)
def record_outcome(
    reminder_id: str, body: OutcomeIn, shop_id: ShopId, zone: Zone, desk: Desk
) -> ReminderOut:
    """What came of a reminder: paid / will_pay / declined / unreachable, the buyer's reason and
    the amount won. Once per reminder (409 after)."""
    return reminder_out(desk.record_outcome(shop_id, reminder_id, body.to_outcome()), zone)


# response_class=Response declares no media type of its own, so the JSON errors are documented as
# application/json, which is what they are, and the CSV as text/csv
@router.get(
    "/reminders/log.csv",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
        **answers(401, 422),
    },
)
def reminder_log(
    shop_id: ShopId,
    desk: Desk,
    since: Annotated[str | None, Query(description="first day, 2026-11-30")] = None,
    until: Annotated[str | None, Query(description="last day; default today")] = None,
) -> PlainTextResponse:
    """The follow-up log as CSV (UTF-8 with BOM, opens in Excel): one row per reminder."""
    last = _day("until", until) or desk.today(shop_id)
    first = _day("since", since) or last
    if first > last:
        raise ApiError(422, "invalid_request", "since: must not be after until.")
    csv = "\ufeff" + desk.log_csv(shop_id, first, last)
    headers = {"Content-Disposition": f'attachment; filename="reminders-{first}-{last}.csv"'}
    return PlainTextResponse(csv, media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/reminders/daily", response_model=DailyOut, responses=answers(401, 422))
def daily_view(
    shop_id: ShopId,
    desk: Desk,
    day: Annotated[str | None, Query(description="a day, 2026-11-30; default today")] = None,
) -> DailyOut:
    """The supervisor's day: unpaid orders, how many were followed, converted, the rate and the
    amount won, per channel and per reason for the channel."""
    return daily_out(desk.daily(shop_id, _day("day", day) or desk.today(shop_id)))
