"""The shop profile's `reminders:` section (催付, seed 000): when unpaid orders are followed up,
and by which channel. Read by `bot.shop.loader`; the format is in data/shops/README.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from bot.yamlnodes import Node

FIELDS = (
    "batches",
    "night",
    "im_after_minutes",
    "phone_min_value",
    "sms_max_value",
    "promotion_days",
    "follow_days",
)
BATCHES_EXAMPLE = '["10:00", "17:00"]'
NIGHT_EXAMPLE = '["21:00", "09:00"]'


@dataclass(frozen=True)
class ReminderRules:
    """Batches are the shop's daily follow-up times (the article's shop: 10:00 and 17:00); the
    night runs from `night_starts` to `night_ends` on the shop's clock, across midnight."""

    batches: tuple[time, ...]
    night_starts: time
    night_ends: time
    # IM (旺旺/咚咚) only once the order has waited this long and the buyer is online
    im_after_minutes: int
    # at or above: phone (high order value); below sms_max_value: SMS (low value)
    phone_min_value: float
    sms_max_value: float
    # the shop's big promotion days (双11…) bring more unpaid orders than agents can call: SMS
    # for all but high values
    promotion_days: frozenset[date]
    # an order is followed on this many days at most (the day it was placed counts as the first)
    follow_days: int

    def at_night(self, clock: time) -> bool:
        if self.night_starts <= self.night_ends:
            return self.night_starts <= clock < self.night_ends
        return clock >= self.night_starts or clock < self.night_ends


def reminder_rules(node: Node | None) -> ReminderRules | None:
    """None when the shop has no `reminders:` section: it plans no reminders."""
    if node is None:
        return None
    node.mapping(FIELDS)
    night = list(node.field("night").items(NIGHT_EXAMPLE))
    if len(night) != 2:
        node.field("night").fail(f"expected [start, end] like {NIGHT_EXAMPLE}")
    rules = ReminderRules(
        batches=_batches(node.field("batches")),
        night_starts=night[0].clock(),
        night_ends=night[1].clock(),
        im_after_minutes=node.field("im_after_minutes").integer(minimum=1),
        phone_min_value=node.field("phone_min_value").number(),
        sms_max_value=node.field("sms_max_value").number(),
        promotion_days=_days(node.optional("promotion_days")),
        follow_days=node.field("follow_days").integer(minimum=1),
    )
    _check(node, rules)
    return rules


def _days(node: Node | None) -> frozenset[date]:
    return (
        frozenset(item.day() for item in node.items("[2026-11-11, 2026-12-12]"))
        if node
        else frozenset()
    )


def _batches(node: Node) -> tuple[time, ...]:
    batches = tuple(item.clock() for item in node.items(BATCHES_EXAMPLE))
    if not batches:
        node.fail(f"expected at least one time, like {BATCHES_EXAMPLE}")
    if list(batches) != sorted(set(batches)):
        node.fail("expected distinct times in order, earliest first")
    return batches


def _check(node: Node, rules: ReminderRules) -> None:
    if rules.night_starts == rules.night_ends:
        node.field("night").fail("expected a start and an end that differ")
    for batch in rules.batches:
        if rules.at_night(batch):
            node.field("batches").fail(
                f"{batch:%H:%M} falls in the night ({rules.night_starts:%H:%M}-"
                f"{rules.night_ends:%H:%M}); reminders are never planned at night"
            )
    if rules.sms_max_value > rules.phone_min_value:
        node.field("sms_max_value").fail(
            f"expected at most phone_min_value ({rules.phone_min_value:g})"
        )
