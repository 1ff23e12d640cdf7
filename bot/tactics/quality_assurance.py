"""Answer doubts about quality and authenticity with the shop's guarantees and warranty."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    service = ctx.shop.service
    warranty = ctx.product.warranty if ctx.product and ctx.product.warranty else service.warranty
    facts = {"warranty": warranty, "rating": service.rating}
    if service.authenticity is None:
        return [
            ctx.draft(
                "quality_assurance",
                "quality_assurance.warranty",
                facts,
                needs_approval=False,
                auto_send_safe=True,
            )
        ]
    facts |= {"authenticity": service.authenticity}
    return [
        ctx.draft(
            "quality_assurance",
            "quality_assurance.authentic",
            facts,
            needs_approval=False,
            auto_send_safe=True,
        )
    ]
