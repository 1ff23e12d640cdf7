"""Weekdays said the way agents say them: runs of days with the same hours
("周一至周五 09:00-23:00，周六、周日 10:00-22:00"), the days a shop ships on ("周一至周六")."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping

from bot.shop.model import Period

WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def hours_text(weekly: Mapping[int, tuple[Period, ...]]) -> str:
    """The weekly opening hours, days with the same periods together."""
    runs = _runs(lambda day: weekly.get(day, ()))
    return "，".join(f"{_days(first, last)} {_periods(periods)}" for first, last, periods in runs)


def days_text(days: frozenset[int]) -> str:
    """The days in the set, runs joined: {0..5} → "周一至周六"; {0, 2} → "周一、周三"."""
    runs = [(first, last) for first, last, on in _runs(lambda day: day in days) if on]
    return "、".join(_days(first, last) for first, last in runs)


def _runs(value: Callable[[int], Hashable]) -> list[tuple[int, int, Hashable]]:
    runs: list[tuple[int, int, Hashable]] = []
    for day in range(7):
        if runs and runs[-1][2] == value(day):
            runs[-1] = (runs[-1][0], day, runs[-1][2])
        else:
            runs.append((day, day, value(day)))
    return runs


def _days(first: int, last: int) -> str:
    if first == last:
        return WEEKDAY_NAMES[first]
    joiner = "、" if last == first + 1 else "至"
    return WEEKDAY_NAMES[first] + joiner + WEEKDAY_NAMES[last]


def _periods(periods: tuple[Period, ...]) -> str:
    if not periods:
        return "休息"
    return "、".join(f"{start:%H:%M}-{end:%H:%M}" for start, end in periods)
