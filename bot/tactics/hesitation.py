"""Seeds 003: a hesitant buyer gets patience, not pressure, once the incentives are used up."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    return [
        ctx.draft(
            "hesitation", "hesitation.no_pressure", {}, needs_approval=False, auto_send_safe=True
        )
    ]
