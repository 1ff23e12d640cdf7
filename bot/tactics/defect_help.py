"""Seeds 002/004: a complaint about what arrived — apologise, ask for a photo, explain colour
difference honestly, and state the return terms the shop really offers."""

from __future__ import annotations

from bot.tactics.context import Context, returns_text
from bot.types import Draft

COLOUR_WORDS = ("色差", "颜色不一样", "颜色不对", "颜色跟", "旧货")
# "我要的是蓝色 给我发了白色": the shop sent the wrong item; colour difference is no answer
WRONG_ITEM_WORDS = ("发错", "发成", "给我发了", "我要的是", "不是我买的", "不是我要的", "发的不对")


# "收到少了一个泳帽", "漏发了配件": what is missing, not a photo of a "problem part"
MISSING_WORDS = ("少了", "少发", "漏发", "缺了", "少一个", "少一件", "少个", "没有配", "没发全")


def propose(ctx: Context) -> list[Draft]:
    if ctx.mentions(*MISSING_WORDS):
        return [ctx.draft("defect_help", "defect_help.missing", {}, needs_approval=False)]
    if ctx.mentions(*WRONG_ITEM_WORDS):
        facts = {"returns": returns_text(ctx.shop)}
        return [ctx.draft("defect_help", "defect_help.wrong_item", facts, needs_approval=False)]
    if ctx.mentions(*COLOUR_WORDS):
        facts = {"returns": returns_text(ctx.shop)}
        return [ctx.draft("defect_help", "defect_help.colour", facts, needs_approval=False)]
    return [ctx.draft("defect_help", "defect_help.photo", {}, needs_approval=False)]
