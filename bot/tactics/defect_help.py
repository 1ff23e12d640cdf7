"""Seeds 002/004: a complaint about what arrived — apologise, ask for a photo, explain colour
difference honestly, and state the return terms the shop really offers."""

from __future__ import annotations

from bot.tactics.context import Context, returns_text
from bot.types import Draft

COLOUR_WORDS = ("色差", "颜色不一样", "颜色不对", "颜色跟", "旧货")


def propose(ctx: Context) -> list[Draft]:
    if ctx.mentions(*COLOUR_WORDS):
        facts = {"returns": returns_text(ctx.shop)}
        return [ctx.draft("defect_help", "defect_help.colour", facts, needs_approval=False)]
    return [ctx.draft("defect_help", "defect_help.photo", {}, needs_approval=False)]
