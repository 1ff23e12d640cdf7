"""Open or closed at an instant, and the next opening: split shifts, spans past midnight,
holidays, one-off dates, and timezones with and without DST (fixed instants throughout)."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from bot.hours import is_open, next_opening
from bot.shop import ShopProfileError, load_shop
from bot.shop.model import Hours

SHOPS_DIR = Path(__file__).resolve().parents[2] / "data" / "shops"
SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def hours_from(tmp_path: Path, hours: dict) -> Hours:
    """The demo shop file with other opening hours, loaded as a shop owner would write it."""
    data = yaml.safe_load((SHOPS_DIR / "demo.yml").read_text(encoding="utf-8"))
    data["hours"] = hours
    path = tmp_path / "demo.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_shop(path).hours


# Mon-Thu split shift, Friday until 01:00, Saturday late, Sunday closed; 2026-10-01 a holiday,
# 2026-11-11 (a Wednesday) open until 02:00.
SPLIT = {
    "timezone": "Asia/Shanghai",
    "weekly": {
        "mon": ["09:00-12:00", "13:30-24:00"],
        "tue": ["09:00-12:00", "13:30-24:00"],
        "wed": ["09:00-12:00", "13:30-24:00"],
        "thu": ["09:00-12:00", "13:30-24:00"],
        "fri": ["09:00-25:00"],
        "sat": ["10:00-22:00"],
    },
    "holidays": [date(2026, 10, 1)],
    "dates": {"2026-11-11": ["09:00-26:00"]},
}


def local(text: str, zone: ZoneInfo = SHANGHAI) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone)


@pytest.mark.parametrize(
    "moment, expected",
    [
        ("2026-07-13 08:59", False),  # Monday before the morning shift
        ("2026-07-13 09:00", True),  # start is inclusive
        ("2026-07-13 11:59", True),
        ("2026-07-13 12:00", False),  # end is exclusive: lunch break
        ("2026-07-13 13:29", False),
        ("2026-07-13 13:30", True),
        ("2026-07-13 23:59", True),  # 13:30-24:00 runs to midnight
        ("2026-07-14 00:00", False),
        ("2026-07-17 23:30", True),  # Friday
        ("2026-07-18 00:30", True),  # Friday's period runs into Saturday
        ("2026-07-18 01:00", False),
        ("2026-07-19 12:00", False),  # Sunday: no periods
        ("2026-10-01 10:00", False),  # holiday (a Thursday)
        ("2026-10-02 00:30", False),  # nothing spills from the holiday
        ("2026-11-11 12:30", True),  # the date's own periods replace the split shift
        ("2026-11-12 01:59", True),  # open late on 11.11
        ("2026-11-12 02:00", False),
        ("2026-11-12 09:00", True),
    ],
)
def test_is_open_in_shanghai(tmp_path, moment, expected):
    assert is_open(hours_from(tmp_path, SPLIT), local(moment)) is expected


@pytest.mark.parametrize(
    "moment, expected",
    [
        ("2026-07-13 08:00", "2026-07-13 09:00"),
        ("2026-07-13 10:15", "2026-07-13 10:15"),  # open: the instant itself
        ("2026-07-13 12:00", "2026-07-13 13:30"),  # lunch break
        ("2026-07-18 01:00", "2026-07-18 10:00"),  # after Friday's late period
        ("2026-07-18 22:00", "2026-07-20 09:00"),  # over the closed Sunday
        ("2026-09-30 23:59", "2026-09-30 23:59"),
        ("2026-10-01 00:00", "2026-10-02 09:00"),  # over the holiday
        ("2026-11-12 02:00", "2026-11-12 09:00"),
    ],
)
def test_next_opening_in_shanghai(tmp_path, moment, expected):
    opening = next_opening(hours_from(tmp_path, SPLIT), local(moment))
    assert opening == local(expected)
    assert opening.tzinfo == SHANGHAI


def test_next_opening_accepts_any_offset_and_answers_in_the_shop_timezone(tmp_path):
    # Monday 12:30 in Shanghai, given in UTC
    opening = next_opening(
        hours_from(tmp_path, SPLIT), datetime(2026, 7, 13, 4, 30, tzinfo=timezone.utc)
    )
    assert (opening.isoformat(), opening.tzinfo) == ("2026-07-13T13:30:00+08:00", SHANGHAI)


def test_no_opening_at_all_is_none(tmp_path):
    hours = hours_from(tmp_path, {"timezone": "Asia/Shanghai", "weekly": {}})
    assert next_opening(hours, local("2026-07-13 08:00")) is None
    assert is_open(hours, local("2026-07-13 08:00")) is False


def test_naive_instant_is_refused(tmp_path):
    with pytest.raises(ValueError, match="timezone-aware"):
        is_open(hours_from(tmp_path, SPLIT), datetime(2026, 7, 13, 10, 0))


NIGHT_NY = {
    "timezone": "America/New_York",
    "weekly": {"sat": ["22:00-27:00"], "sun": ["09:00-17:00"]},
}


@pytest.mark.parametrize(
    "utc, expected",
    [
        # 2026-03-08 02:00 EST is 03:00 EDT: Saturday's 22:00-03:00 lasts four hours, not five
        ("2026-03-08 03:00", True),  # 22:00 EST
        ("2026-03-08 06:59", True),  # 01:59 EST
        ("2026-03-08 07:00", False),  # 03:00 EDT: closed
        ("2026-03-08 12:59", False),  # 08:59 EDT
        ("2026-03-08 13:00", True),  # 09:00 EDT, one hour earlier in UTC than the day before
    ],
)
def test_is_open_across_spring_forward_in_new_york(tmp_path, utc, expected):
    instant = datetime.fromisoformat(utc).replace(tzinfo=timezone.utc)
    assert is_open(hours_from(tmp_path, NIGHT_NY), instant) is expected


def test_next_opening_across_spring_forward_in_new_york(tmp_path):
    instant = datetime(2026, 3, 8, 7, 0, tzinfo=timezone.utc)
    opening = next_opening(hours_from(tmp_path, NIGHT_NY), instant)
    assert opening == local("2026-03-08 09:00", NEW_YORK)
    assert opening.astimezone(timezone.utc) == datetime(2026, 3, 8, 13, 0, tzinfo=timezone.utc)


def test_fall_back_in_berlin_keeps_the_longer_night_open(tmp_path):
    # 2026-10-25 03:00 CEST becomes 02:00 CET: Saturday 20:00-04:00 lasts nine hours
    hours = hours_from(tmp_path, {"timezone": "Europe/Berlin", "weekly": {"sat": ["20:00-28:00"]}})
    start = datetime(2026, 10, 24, 18, 0, tzinfo=timezone.utc)
    assert is_open(hours, start)
    assert is_open(hours, datetime(2026, 10, 25, 2, 59, tzinfo=timezone.utc))  # 03:59 CET
    assert not is_open(hours, datetime(2026, 10, 25, 3, 0, tzinfo=timezone.utc))  # 04:00 CET
    assert next_opening(hours, start.replace(hour=17)) == local("2026-10-24 20:00", BERLIN)


def test_period_past_midnight_is_stored_with_next_day_end(tmp_path):
    hours = hours_from(tmp_path, SPLIT)
    assert hours.weekly[0] == ((time(9), time(12)), (time(13, 30), time(0)))
    assert hours.weekly[4] == ((time(9), time(1)),)
    assert hours.dates == {date(2026, 10, 1): (), date(2026, 11, 11): ((time(9), time(2)),)}


def test_old_shop_files_still_load():
    hours = load_shop(SHOPS_DIR / "jdhome.yml").hours
    assert hours.weekly[5] == ((time(8), time(12)), (time(13), time(23, 59)))
    assert hours.dates == {}


@pytest.mark.parametrize(
    "hours, message",
    [
        (
            {**SPLIT, "weekly": {"mon": ["10:00-35:00"]}},
            'hours.weekly.mon[0]: expected an opening period like "09:00-23:00" that ends after '
            'it starts; past midnight write the end as "24:00" or more, '
            'e.g. "18:00-25:00" for 01:00',
        ),
        (
            {**SPLIT, "dates": {"11.11": ["09:00-26:00"]}},
            "hours.dates.11.11: expected a date like 2026-11-11 as the key",
        ),
        (
            {**SPLIT, "dates": {"2026-10-01": ["09:00-12:00"]}},
            "hours.dates.2026-10-01: this date is also in holidays; keep it in one place",
        ),
        (
            {**SPLIT, "holidays": ["Christmas"]},
            "hours.holidays[0]: expected a date like 2026-11-20",
        ),
        (
            {**SPLIT, "closed": []},
            "hours.closed: unknown field; expected one of: timezone, weekly, holidays, dates",
        ),
    ],
)
def test_bad_hours_name_the_field_and_the_fix(tmp_path, hours, message):
    with pytest.raises(ShopProfileError) as error:
        hours_from(tmp_path, hours)
    assert str(error.value) == f"{tmp_path / 'demo.yml'}: {message}"
