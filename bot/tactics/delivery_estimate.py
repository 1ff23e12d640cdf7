"""Which courier and how many days to the buyer's region, from the shop's delivery table."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.types import Draft


def propose(ctx: Context) -> list[Draft]:
    shipping = ctx.shop.shipping
    facts = {"carriers": shipping.carriers, "fulfilment": shipping.fulfilment}
    for region in shipping.delivery:
        place = next((place for place in region.places if ctx.mentions(place)), None)
        if place:
            facts |= {"place": place, "region": region.region, "days": region.days}
            return [
                ctx.draft(
                    "delivery_estimate",
                    "delivery_estimate.region",
                    facts,
                    needs_approval=False,
                    auto_send_safe=True,
                )
            ]
    facts |= {"days": shipping.default_delivery_days}
    return [
        ctx.draft(
            "delivery_estimate",
            "delivery_estimate.default",
            facts,
            needs_approval=False,
            auto_send_safe=True,
        )
    ]
