"""The shop's return policy as it is: no-reason days and who pays return shipping."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    service = ctx.shop.service
    facts = {
        "no_reason_return_days": service.no_reason_return_days,
        "free_return_shipping": service.free_return_shipping,
    }
    if service.no_reason_return_days == 0:
        return [
            ctx.draft(
                "return_policy",
                "return_policy.quality_only",
                facts,
                needs_approval=False,
                auto_send_safe=True,
            )
        ]
    key = "return_policy.free_shipping" if service.free_return_shipping else "return_policy.paid"
    return [ctx.draft("return_policy", key, facts, needs_approval=False, auto_send_safe=True)]
