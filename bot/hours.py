"""Open or closed at an instant, and when the shop next opens, from its opening hours.

All comparisons are between UTC instants: wall-clock periods are placed on their calendar day in
the shop's timezone first, so a day with a DST change is as long as it really is."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.shop.model import Hours, Period

# far enough to step over a long holiday such as the Spring Festival week
SEARCH_DAYS = 400


def is_open(hours: Hours, instant: datetime) -> bool:
    moment = _utc(instant)
    return any(start <= moment < end for start, end in _intervals_from(hours, moment, days=1))


def next_opening(hours: Hours, instant: datetime) -> datetime | None:
    """`instant` itself while the shop is open, else the start of its next opening period, in
    the shop's timezone; None when nothing opens within SEARCH_DAYS days."""
    moment = _utc(instant)
    for start, end in _intervals_from(hours, moment, days=SEARCH_DAYS):
        if moment < end:
            return max(start, moment).astimezone(ZoneInfo(hours.timezone))
    return None


def _intervals_from(
    hours: Hours, moment: datetime, days: int
) -> Iterator[tuple[datetime, datetime]]:
    """Opening intervals (UTC) in time order, from the day before `moment`'s local date, whose
    periods may run past midnight into it."""
    zone = ZoneInfo(hours.timezone)
    first = moment.astimezone(zone).date() - timedelta(days=1)
    for offset in range(days + 1):
        day = first + timedelta(days=offset)
        yield from sorted(_interval(day, period, zone) for period in hours.periods_on(day))


def _interval(day: date, period: Period, zone: ZoneInfo) -> tuple[datetime, datetime]:
    start, end = period
    end_day = day + timedelta(days=1) if end <= start else day
    return _at(day, start, zone), _at(end_day, end, zone)


def _at(day: date, clock: time, zone: ZoneInfo) -> datetime:
    return _utc(datetime.combine(day, clock, tzinfo=zone))


def _utc(instant: datetime) -> datetime:
    if instant.tzinfo is None:
        raise ValueError("opening hours need a timezone-aware instant")
    return instant.astimezone(timezone.utc)
