"""Hand the conversation to a person: on request, on a complaint, on low confidence, or when a
price request goes beyond every means the agent has. Never auto-sent: a person must be there."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft

COMPLAINT_WORDS = (
    *("投诉", "差评", "领导", "经理", "主管", "店长", "12315", "告你们", "举报", "消协"),
    *("介入", "三遍", "几遍", "好几次"),
)


def propose(ctx: Context) -> list[Draft]:
    if ctx.understanding.fallback:
        return [
            ctx.draft(
                "handoff", "handoff.human", {"reason": "low_confidence"}, needs_approval=False
            )
        ]
    if ctx.mentions(*COMPLAINT_WORDS):
        return [
            ctx.draft("handoff", "handoff.complaint", {"reason": "complaint"}, needs_approval=False)
        ]
    return [
        ctx.draft("handoff", "handoff.human", {"reason": "request_human"}, needs_approval=False)
    ]


def escalate(ctx: Context) -> list[Draft]:
    return [ctx.draft("handoff", "handoff.escalate", {"reason": "price_escalation"})]
