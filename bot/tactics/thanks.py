"""Close politely and leave the door open."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    return [ctx.draft("thanks", "thanks.welcome", {}, needs_approval=False, auto_send_safe=True)]
