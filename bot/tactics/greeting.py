"""Seeds 002: a warm opening without small talk, straight to what the buyer needs."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    return [
        ctx.draft(
            "greeting",
            "greeting.hello",
            {"shop": ctx.shop.name},
            needs_approval=False,
            auto_send_safe=True,
        )
    ]
