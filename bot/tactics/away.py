"""The holding message while nobody is on duty (seeds 002, 004: an unanswered buyer is a lost
sale and a bad review). It says when agents are back and that the message is recorded, and
promises nothing else."""

from __future__ import annotations

from datetime import datetime

from bot.tactics.context import Context
from bot.types import Draft

DAY_NAMES = {0: "今天", 1: "明天", 2: "后天"}


def holding(ctx: Context, reopens_at: datetime | None) -> Draft:
    """`reopens_at` is in the shop's timezone, like `ctx.now`."""
    if reopens_at is None:
        return ctx.draft(
            "away", "away.later", {"reopens_at": None}, needs_approval=False, auto_send_safe=True
        )
    facts = {"back": back_at(ctx.now, reopens_at), "reopens_at": reopens_at}
    return ctx.draft("away", "away.back_at", facts, needs_approval=False, auto_send_safe=True)


def back_at(now: datetime, reopens_at: datetime) -> str:
    """ "明天09:00" within two days, else "11月25日09:00"."""
    days = (reopens_at.date() - now.date()).days
    day = DAY_NAMES.get(days, f"{reopens_at.month}月{reopens_at.day}日")
    return f"{day}{reopens_at:%H:%M}"
