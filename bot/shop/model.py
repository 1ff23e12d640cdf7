"""The shop profile: everything a draft may state as fact. Built only by `bot.shop.loader`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time

from bot.shop.reminders import ReminderRules

_GARMENT_SIZE = re.compile(r"\d{2,3}|[2-5]?X{0,3}[SML]", re.IGNORECASE)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class SizeRow:
    """One size of a chart; a measure is None when the chart does not give it."""

    size: str
    height_cm: tuple[float, float] | None = None
    weight_kg: tuple[float, float] | None = None
    age: tuple[float, float] | None = None
    # foot length in cm (shoes, socks): the measure shoe buyers give, "脚长24.5"
    foot_cm: tuple[float, float] | None = None


@dataclass(frozen=True)
class FitNote:
    text: str
    min_age: float | None = None
    max_age: float | None = None

    def applies_to(self, age: float | None) -> bool:
        if self.min_age is None and self.max_age is None:
            return True
        if age is None:
            return False
        return (self.min_age or 0) <= age <= (self.max_age if self.max_age is not None else 999)


@dataclass(frozen=True)
class Sku:
    id: str
    stock: int
    size: str | None = None
    color: str | None = None
    restock_date: date | None = None

    @property
    def label(self) -> str:
        return " ".join(part for part in (self.color, self.size and size_label(self.size)) if part)


def size_label(size: str) -> str:
    """A garment size is said with 码 ("90码", "XL码"); a size with its own unit ("500g", "大号")
    stays as written."""
    return f"{size}码" if _GARMENT_SIZE.fullmatch(size) else size


@dataclass(frozen=True)
class Product:
    id: str
    name: str
    category: str
    price: float
    description: str
    skus: tuple[Sku, ...]
    original_price: float | None = None
    aliases: tuple[str, ...] = ()
    gift_eligible: bool = True
    size_chart: tuple[SizeRow, ...] = ()
    size_up: bool = True
    fit_notes: tuple[FitNote, ...] = ()
    warranty: str | None = None
    # how to set it up and use it, in the shop's words (first steps, where the manual or video is)
    usage: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def stock(self) -> int:
        return sum(sku.stock for sku in self.skus)


@dataclass(frozen=True)
class Promotion:
    """Either a promotional price for one product or a spend-and-save discount (满减)."""

    id: str
    title: str
    starts_at: datetime
    ends_at: datetime
    product: str | None = None
    price: float | None = None
    min_spend: float | None = None
    discount: float | None = None
    limit: int | None = None
    remaining: int | None = None

    def running(self, now: datetime) -> bool:
        return self.starts_at <= now < self.ends_at


@dataclass(frozen=True)
class Coupon:
    id: str
    value: float
    min_spend: float
    usable: str
    products: tuple[str, ...] = ()
    ends_at: datetime | None = None

    def valid(self, now: datetime) -> bool:
        return self.ends_at is None or now < self.ends_at


@dataclass(frozen=True)
class GiftTier:
    min_order_value: float
    gift: str
    value: float
    swaps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cutoff:
    before: time
    ships: str


@dataclass(frozen=True)
class DeliveryRegion:
    region: str
    places: tuple[str, ...]
    days: str


@dataclass(frozen=True)
class Shipping:
    fulfilment: str
    cutoffs: tuple[Cutoff, ...]
    ship_days: frozenset[int]
    carriers: tuple[str, ...]
    default_delivery_days: str
    last_pickup: time | None = None
    delivery: tuple[DeliveryRegion, ...] = ()


@dataclass(frozen=True)
class Service:
    rating: float
    no_reason_return_days: int
    free_return_shipping: bool
    warranty: str
    after_sales: str
    refund_days: str
    authenticity: str | None = None
    # what the shop offers for installation (上门安装), in its words; None: not stated
    installation: str | None = None
    # days after payment within which a price drop is refunded (价保); 0: the shop offers none
    price_protection_days: int = 0


@dataclass(frozen=True)
class Invoice:
    types: tuple[str, ...]
    company_title: bool
    issued_within: str


@dataclass(frozen=True)
class Payment:
    methods: tuple[str, ...]
    cash_on_delivery: bool
    instalments: tuple[str, ...]
    company_transfer_hours: int


# (start, end) on the shop's wall clock; an end at or before the start is on the next day, so
# ("13:30", "00:00") runs to midnight and ("18:00", "01:00") to one o'clock the next morning.
Period = tuple[time, time]


@dataclass(frozen=True)
class Hours:
    """Opening hours in the shop's timezone; weekday 0 is Monday, as in `datetime.weekday()`.
    A date in `dates` replaces that day's weekly periods (an empty tuple: closed all day, as on a
    holiday); a period belongs to the day it starts on, even when it runs past midnight."""

    timezone: str
    weekly: Mapping[int, tuple[Period, ...]]
    dates: Mapping[date, tuple[Period, ...]] = field(default_factory=dict)

    def periods_on(self, day: date) -> tuple[Period, ...]:
        if day in self.dates:
            return self.dates[day]
        return self.weekly.get(day.weekday(), ())


@dataclass(frozen=True)
class Authority:
    """What an agent may grant without asking a supervisor."""

    coupon_max: float
    compensation_max: float


@dataclass(frozen=True)
class Unattended:
    """Limits for replies sent with no agent watching (after hours)."""

    confidence_threshold: float
    allowed_intents: frozenset[str]
    coupon_max: float


@dataclass(frozen=True)
class Shop:
    id: str
    name: str
    platform: str
    low_stock_threshold: int
    products: tuple[Product, ...]
    shipping: Shipping
    service: Service
    payment: Payment
    hours: Hours
    authority: Authority
    unattended: Unattended
    templates: Mapping[str, tuple[str, ...]]
    invoice: Invoice | None = None
    promotions: tuple[Promotion, ...] = ()
    coupons: tuple[Coupon, ...] = ()
    gift_tiers: tuple[GiftTier, ...] = ()
    # None: the shop plans no payment reminders
    reminders: ReminderRules | None = None
    # the day relative dates of the file (`today+10`) were counted from
    loaded_on: date | None = None

    def product(self, name_or_id: str) -> Product | None:
        for product in self.products:
            if name_or_id == product.id or name_or_id in product.names:
                return product
        return None

    def running_promotions(self, now: datetime) -> tuple[Promotion, ...]:
        return tuple(promotion for promotion in self.promotions if promotion.running(now))
