"""Seeds 001: when a buyer wants to return, first ask why — most reasons have a better remedy."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft

SIZE_WORDS = (
    "大了",
    "小了",
    "偏大",
    "偏小",
    "不合适",
    "尺码",
    "换个大",
    "换个小",
    "大一码",
    "小一码",
)
DEFECT_WORDS = ("坏", "破", "漏", "质量", "不能用", "用不了", "瑕疵", "开线", "色差")
USAGE_WORDS = ("不会用", "不好用", "怎么用", "没效果")


def stated_reason(ctx: Context) -> str | None:
    for reason, words in (("size", SIZE_WORDS), ("defect", DEFECT_WORDS), ("usage", USAGE_WORDS)):
        if ctx.mentions(*words):
            return reason
    return None


def propose(ctx: Context) -> list[Draft]:
    if stated_reason(ctx) is not None:
        return []
    return [
        ctx.draft(
            "refund_reason", "refund_reason.ask", {}, needs_approval=False, auto_send_safe=True
        )
    ]
