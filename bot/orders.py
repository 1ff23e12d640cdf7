"""Orders as a platform connector reports them: each event (created, paid, cancelled, refunded)
carries the order's snapshot, so events may arrive in any order and each is recorded once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

EVENTS = ("created", "paid", "cancelled", "refunded")


@dataclass(frozen=True)
class OrderItem:
    product_id: str
    quantity: int
    price: float
    sku_id: str | None = None


@dataclass(frozen=True)
class OrderEvent:
    order_id: str
    buyer_id: str
    event: str
    at: datetime
    value: float
    items: tuple[OrderItem, ...]
    conversation_id: str | None = None
    # what the platform shows of the buyer on its IM (旺旺/咚咚) when the event was sent
    buyer_online: bool | None = None


@dataclass(frozen=True)
class Order:
    shop_id: str
    order_id: str
    buyer_id: str
    value: float
    items: tuple[OrderItem, ...]
    created_at: datetime
    conversation_id: str | None = None
    buyer_online: bool | None = None
    paid_at: datetime | None = None
    cancelled_at: datetime | None = None
    refunded_at: datetime | None = None

    @property
    def status(self) -> str:
        if self.refunded_at:
            return "refunded"
        if self.cancelled_at:
            return "cancelled"
        return "paid" if self.paid_at else "unpaid"

    def unpaid_at(self, now: datetime) -> bool:
        """Still waiting for payment at `now`: neither paid nor cancelled by then."""
        closed = [moment for moment in (self.paid_at, self.cancelled_at) if moment]
        return self.created_at <= now and not any(moment <= now for moment in closed)
