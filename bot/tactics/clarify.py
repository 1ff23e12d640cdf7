"""A neutral question back when the message is unclear: no sales tactic on a guess."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    facts = {"confidence": round(ctx.understanding.confidence, 2)}
    return [ctx.draft("clarify", "clarify.neutral", facts, False, not ctx.understanding.fallback)]
