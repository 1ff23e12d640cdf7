"""What every tactic sees: the understood message, the shop, the clock, and what the order is."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from bot.shop.model import Product, Shop, Sku, size_label
from bot.stage import ASSUMED_PRE_SALE, Stage
from bot.templates import render
from bot.types import Draft, Entity, EntityValue, Turn, Understanding

# A mainland mobile number: 11 digits from 13x to 19x; the order pattern of the NLU takes it too.
PHONE = re.compile(r"1[3-9]\d{9}")
# A mobile number the buyer half-masked ("139xxxx5678"), as people paste it in chat
MASKED_PHONE = re.compile(r"1[3-9]\d[\dxX*]{4}\d{4}")
# An order number as the evaluation data anonymises it ("[订单1]"), also as a pasted order card
# whose number is itself a placeholder ("[订单编号:[数字1]]"): the buyer gave their number.
ORDER_PLACEHOLDER = re.compile(r"\[订单(?:[^\[\]]|\[[^\[\]]{0,8}\]){0,12}\]")


@dataclass(frozen=True)
class Context:
    understanding: Understanding
    shop: Shop
    now: datetime
    seed: str = ""
    order_value: float | None = None
    product: Product | None = None
    history: tuple[Turn, ...] = ()
    stage: Stage = ASSUMED_PRE_SALE
    # entities the buyer gave in earlier messages: what was said is used, never asked again
    remembered: tuple[Entity, ...] = ()
    # a defect, a broken promise, a repeated question: apology and an owner first (bot.tone)
    upset: bool = False

    @property
    def intent(self) -> str:
        return self.understanding.intent

    def mentions(self, *words: str) -> bool:
        return any(word in self.understanding.text for word in words)

    def value(self, entity_type: str) -> EntityValue | None:
        """The entity from this message, else the latest one the buyer gave earlier."""
        value = self.understanding.first_value(entity_type)
        if value is not None:
            return value
        earlier = [entity.value for entity in self.remembered if entity.type == entity_type]
        return earlier[-1] if earlier else None

    def number(self, entity_type: str) -> float | None:
        value = self.value(entity_type)
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    def text_value(self, entity_type: str) -> str | None:
        value = self.value(entity_type)
        return None if value is None else str(value)

    def order_id(self) -> str | None:
        """The order number the buyer gave (now or earlier); a mobile number is not one."""
        values = [self.understanding.entity_values("order_id")]
        values.append([e.value for e in reversed(self.remembered) if e.type == "order_id"])
        values.append(_order_placeholders(self.understanding.text, self.history))
        found = (str(v) for group in values for v in group if not is_phone(str(v)))
        return next(found, None)

    def spend(self) -> float | None:
        """The order value if known, else what the product in question costs in this quantity."""
        if self.order_value is not None:
            return self.order_value
        if self.product is None:
            return None
        return self.product.price * int(self.number("quantity") or 1)

    def draft(
        self,
        tactic: str,
        key: str,
        facts: Mapping[str, Any],
        *,
        needs_approval: bool = True,
        auto_send_safe: bool = False,
    ) -> Draft:
        """Unsafe unless stated, like `Draft`: each tactic says, by keyword, that its draft needs
        no approval and may go out unattended."""
        return Draft(
            text=render(self.shop.templates, key, f"{self.seed}|{tactic}", facts),
            tactic=tactic,
            facts={name: jsonable(value) for name, value in facts.items()},
            needs_approval=needs_approval,
            auto_send_safe=auto_send_safe,
        )


def _order_placeholders(text: str, history: tuple[Turn, ...]) -> list[str]:
    texts = (text, *(turn.message for turn in reversed(history)))
    return [match.group() for text in texts for match in ORDER_PLACEHOLDER.finditer(text)]


def is_phone(text: str) -> bool:
    return PHONE.fullmatch(text) is not None


def requested_skus(ctx: Context) -> tuple[Sku, ...]:
    """The product's SKUs that fit the size and colour the buyer named (all when none named)."""
    if ctx.product is None:
        return ()
    size, color = ctx.text_value("size"), ctx.text_value("color")
    return tuple(
        sku
        for sku in ctx.product.skus
        if (size is None or sku.size == size) and (color is None or sku.color == color)
    )


def current_price(ctx: Context) -> float:
    """What the product in question costs today: a running promotion's price beats the list
    price (a draft that says "现在¥89" during a ¥79 sale states a false price)."""
    prices = [
        promotion.price
        for promotion in ctx.shop.running_promotions(ctx.now)
        if promotion.price is not None and promotion.product == ctx.product.id
    ]
    return min([ctx.product.price, *prices])


def item_label(ctx: Context) -> str:
    """The product name plus the size/colour the buyer named, e.g. "儿童连体泳衣 蓝色 90码"."""
    size, color = ctx.text_value("size"), ctx.text_value("color")
    parts = (ctx.product.name if ctx.product else "", color, size and size_label(size))
    return " ".join(part for part in parts if part)


def returns_text(shop: Shop) -> str:
    days = shop.service.no_reason_return_days
    if days == 0:
        return "质量问题包退换"
    shipping = "退货运费由我们承担" if shop.service.free_return_shipping else "退货运费需您承担"
    return f"支持{days}天无理由退换，{shipping}"


def jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, (list, tuple, frozenset, set)):
        return [jsonable(item) for item in value]
    return value
