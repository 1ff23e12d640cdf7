"""What every tactic sees: the understood message, the shop, the clock, and what the order is."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from bot.shop.model import Product, Shop, Sku
from bot.templates import render
from bot.types import Draft, Understanding


@dataclass(frozen=True)
class Context:
    understanding: Understanding
    shop: Shop
    now: datetime
    seed: str = ""
    order_value: float | None = None
    product: Product | None = None

    @property
    def intent(self) -> str:
        return self.understanding.intent

    def mentions(self, *words: str) -> bool:
        return any(word in self.understanding.text for word in words)

    def number(self, entity_type: str) -> float | None:
        value = self.understanding.first_value(entity_type)
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    def text_value(self, entity_type: str) -> str | None:
        value = self.understanding.first_value(entity_type)
        return None if value is None else str(value)

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
        needs_approval: bool = False,
        auto_send_safe: bool = True,
    ) -> Draft:
        return Draft(
            text=render(self.shop.templates, key, f"{self.seed}|{tactic}", facts),
            tactic=tactic,
            facts={name: jsonable(value) for name, value in facts.items()},
            needs_approval=needs_approval,
            auto_send_safe=auto_send_safe,
        )


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


def item_label(ctx: Context) -> str:
    """The product name plus the size/colour the buyer named, e.g. "儿童连体泳衣 蓝色 90码"."""
    size, color = ctx.text_value("size"), ctx.text_value("color")
    parts = (ctx.product.name if ctx.product else "", color, size and f"{size}码")
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
