"""Dates in shop files: real ones (`2026-07-25`, `2026-07-31T23:59:00+08:00`) or, for demo shops,
days counted from the day the file is loaded (`today+10`, `today-14 00:00`), so a demo's
promotions, coupons and restock dates are current whenever it is started."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.yamlnodes import Node

_RELATIVE = re.compile(r"^today(?:\s*([+-])\s*(\d{1,4}))?(?:\s+([01]\d|2[0-3]):([0-5]\d))?$")
MOMENT_FORMAT = "an ISO date-time like 2026-11-30T23:59:00+08:00 (or today+16 23:59 in a demo)"
DAY_FORMAT = "a date like 2026-11-20 (or today+10 in a demo)"


@dataclass(frozen=True)
class ShopDates:
    """Reads the date fields of one shop file; `today` is the day in the shop's timezone."""

    today: date
    timezone: ZoneInfo

    def moment(self, node: Node) -> datetime:
        relative = self._relative(node)
        if relative is None:
            if not isinstance(node.value, datetime) or node.value.tzinfo is None:
                node.fail(f"expected {MOMENT_FORMAT}")
            return node.value
        day, clock = relative
        return datetime.combine(day, clock or time(0), self.timezone)

    def day(self, node: Node) -> date:
        relative = self._relative(node)
        if relative is None:
            if isinstance(node.value, datetime) or not isinstance(node.value, date):
                node.fail(f"expected {DAY_FORMAT}")
            return node.value
        day, clock = relative
        if clock is not None:
            node.fail(f"expected {DAY_FORMAT}, without a time")
        return day

    def _relative(self, node: Node) -> tuple[date, time | None] | None:
        match = _RELATIVE.match(node.value.strip()) if isinstance(node.value, str) else None
        if match is None:
            return None
        sign, days, hour, minute = match.groups()
        offset = int(days or 0) * (-1 if sign == "-" else 1)
        clock = time(int(hour), int(minute)) if hour else None
        return self.today + timedelta(days=offset), clock


def today_in(timezone: ZoneInfo) -> date:
    return datetime.now(timezone).date()
