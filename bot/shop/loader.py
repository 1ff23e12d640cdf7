"""Load and validate shop files (`data/shops/<shop_id>.yml`, format in data/shops/README.md)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, time
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.intents import INTENTS
from bot.shop.dates import ShopDates, today_in
from bot.shop.model import (
    WEEKDAYS,
    Authority,
    Coupon,
    Cutoff,
    DeliveryRegion,
    FitNote,
    GiftTier,
    Hours,
    Invoice,
    Payment,
    Product,
    Promotion,
    Service,
    Shipping,
    Shop,
    SizeRow,
    Sku,
    Unattended,
)
from bot.shop.reminders import reminder_rules
from bot.templates import DEFAULT_TEMPLATES_PATH, check_override, load_templates, read_yaml
from bot.yamlnodes import Node, ShopProfileError

T = TypeVar("T")
CATALOGUE_EXAMPLE = "{id: tea-1, name: 西湖龙井, category: tea, price: 128, …}"
PLATFORMS = ("taobao", "tmall", "jd")
_NEXT_DAY = re.compile(r"^(2[4-9]|3\d|4[0-7]):([0-5]\d)$")

TOP_LEVEL = (
    "id",
    "name",
    "platform",
    "low_stock_threshold",
    "catalogue",
    "promotions",
    "coupons",
    "gift_tiers",
    "shipping",
    "service",
    "invoice",
    "payment",
    "hours",
    "authority",
    "unattended",
    "templates",
    "reminders",
)


def load_shops(
    directory: Path | str,
    templates_path: Path = DEFAULT_TEMPLATES_PATH,
    today: date | None = None,
) -> dict[str, Shop]:
    """Every shop of the folder, keyed by id. Cheap to call again (e.g. to reload after an edit):
    a file unchanged since the last call (same size and modification time) is not read again."""
    shops = {}
    for path in shop_files(directory):
        shop = _cached_shop(path, Path(templates_path), today)
        shops[shop.id] = shop
    if not shops:
        raise ShopProfileError(str(directory), "(directory)", "no shop files (*.yml) found")
    return shops


def shop_files(directory: Path | str) -> list[Path]:
    return sorted(Path(directory).glob("*.yml"))


def check_shops(directory: Path | str, today: date | None = None) -> list[ShopProfileError]:
    """Every problem of every shop file of the folder (empty when all load)."""
    paths = shop_files(directory)
    if not paths:
        return [ShopProfileError(str(directory), "(directory)", "no shop files (*.yml) found")]
    problems: list[ShopProfileError] = []
    for path in paths:
        try:
            load_shop(path, today=today)
        except ShopProfileError as error:
            problems.extend(error.problems)
    return problems


_CACHE: dict[tuple, Shop] = {}


def _cached_shop(path: Path, templates_path: Path, today: date | None) -> Shop:
    """Relative dates count from the day of loading, so an unpinned shop is reloaded each day."""
    key = (path.resolve(), _stamp(path), templates_path.resolve(), _stamp(templates_path), today)
    shop = _CACHE.get(key)
    if shop is None or today is None and shop.loaded_on != _shop_today(shop):
        for stale in [cached for cached in _CACHE if cached[0] == key[0]]:
            del _CACHE[stale]
        shop = _CACHE[key] = load_shop(path, templates_path, today)
    return shop


def _shop_today(shop: Shop) -> date:
    return today_in(ZoneInfo(shop.hours.timezone))


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def load_shop(
    path: Path | str, templates_path: Path = DEFAULT_TEMPLATES_PATH, today: date | None = None
) -> Shop:
    """`today` anchors relative dates (`today+10`); by default the day in the shop's timezone."""
    path = Path(path)
    root = Node(read_yaml(path), "", str(path)).mapping(TOP_LEVEL)
    problems = _Problems()
    hours = problems.attempt(lambda: _hours(root.field("hours")))
    zone = ZoneInfo(hours.timezone if hours else "UTC")
    dates = ShopDates(today or today_in(zone), zone)
    shop_id = problems.attempt(lambda: _shop_id(root, path))
    catalogue = problems.attempt(lambda: list(root.field("catalogue").items(CATALOGUE_EXAMPLE)), [])
    products = tuple(problems.each(catalogue, _product, dates))
    problems.attempt(lambda: _check_unique(root.field("catalogue"), [p.id for p in products]))
    product_ids = _catalogue_ids(root)
    shop = Shop(
        id=shop_id,
        name=problems.attempt(lambda: root.field("name").text()),
        platform=problems.attempt(lambda: root.field("platform").choice(PLATFORMS)),
        low_stock_threshold=problems.attempt(lambda: root.field("low_stock_threshold").integer()),
        products=products,
        promotions=_offers(problems, root, "promotions", _promotion, product_ids, dates),
        coupons=_offers(problems, root, "coupons", _coupon, product_ids, dates),
        gift_tiers=problems.attempt(lambda: _gift_tiers(root), ()),
        reminders=problems.attempt(lambda: reminder_rules(root.optional("reminders"))),
        shipping=problems.attempt(lambda: _shipping(root.field("shipping"))),
        service=problems.attempt(lambda: _service(root.field("service"))),
        invoice=problems.attempt(lambda: _invoice(root.optional("invoice"))),
        payment=problems.attempt(lambda: _payment(root.field("payment"))),
        hours=hours,
        authority=problems.attempt(lambda: _authority(root.field("authority"))),
        unattended=problems.attempt(lambda: _unattended(root.field("unattended"))),
        templates=problems.attempt(
            lambda: _templates(root.optional("templates"), load_templates(templates_path)), {}
        ),
        loaded_on=dates.today,
    )
    problems.raise_any()
    return shop


class _Problems:
    """Collects the problems of one file so that a check reports all of them at once."""

    def __init__(self) -> None:
        self.errors: list[ShopProfileError] = []

    def attempt(self, build: Callable[[], T], fallback: T | None = None) -> T | None:
        try:
            return build()
        except ShopProfileError as error:
            self.errors.extend(error.problems)
            return fallback

    def each(self, nodes: list[Node], build: Callable, *args) -> Iterator:
        for node in nodes:
            built = self.attempt(lambda node=node: build(node, *args))
            if built is not None:
                yield built

    def raise_any(self) -> None:
        if self.errors:
            raise ShopProfileError.combine(self.errors)


def _shop_id(root: Node, path: Path) -> str:
    shop_id = root.field("id").text()
    if shop_id != path.stem:
        root.field("id").fail(f"expected '{path.stem}' to match the file name {path.name}")
    return shop_id


def _catalogue_ids(root: Node) -> tuple[str, ...]:
    """The ids written in the catalogue, read leniently: a promotion naming a product whose entry
    is broken elsewhere is not reported a second time."""
    catalogue = root.value.get("catalogue")
    items = catalogue if isinstance(catalogue, list) else []
    return tuple(str(item["id"]) for item in items if isinstance(item, dict) and "id" in item)


def _offers(problems: _Problems, root: Node, key: str, build, product_ids, dates) -> tuple:
    nodes = problems.attempt(lambda: _list(root, key), [])
    offers = tuple(problems.each(nodes, build, product_ids, dates))
    if nodes:
        problems.attempt(lambda: _check_unique(root.field(key), [offer.id for offer in offers]))
    return offers


def _list(root: Node, key: str) -> list[Node]:
    node = root.optional(key)
    return [] if node is None else list(node.items())


def _check_unique(node: Node, ids: list[str]) -> None:
    seen = set()
    for index, item_id in enumerate(ids):
        if item_id in seen:
            Node(item_id, f"{node.path}[{index}].id", node.file).fail(
                f"duplicate id '{item_id}'; ids must be unique"
            )
        seen.add(item_id)


def _known(node: Node, ids: tuple[str, ...]) -> str:
    value = node.text()
    if value not in ids:
        node.fail(f"unknown product '{value}'; use a catalogue id: {', '.join(ids)}")
    return value


def _opt_number(node: Node, key: str) -> float | None:
    child = node.optional(key)
    return None if child is None else child.number()


def _opt_span(node: Node, key: str) -> tuple[float, float] | None:
    child = node.optional(key)
    return None if child is None else child.span()


def _product(node: Node, dates: ShopDates) -> Product:
    node.mapping(
        (
            "id",
            "name",
            "aliases",
            "category",
            "price",
            "original_price",
            "description",
            "warranty",
            "usage",
            "gift_eligible",
            "size_up",
            "fit_notes",
            "size_chart",
            "skus",
        )
    )
    price = node.field("price").number()
    original = _opt_number(node, "original_price")
    if original is not None and original < price:
        node.field("original_price").fail(f"expected at least the price ({price:g}) or no field")
    skus = tuple(_sku(item, dates) for item in node.field("skus").items(SKU_EXAMPLE))
    _check_unique(node.field("skus"), [sku.id for sku in skus])
    return Product(
        id=node.field("id").text(),
        name=node.field("name").text(),
        aliases=node.optional("aliases").texts() if node.optional("aliases") else (),
        category=node.field("category").text(),
        price=price,
        original_price=original,
        description=node.field("description").text(),
        warranty=node.optional("warranty").text() if node.optional("warranty") else None,
        usage=node.optional("usage").text() if node.optional("usage") else None,
        gift_eligible=node.optional("gift_eligible").flag()
        if node.optional("gift_eligible")
        else True,
        size_up=node.optional("size_up").flag() if node.optional("size_up") else True,
        fit_notes=tuple(_fit_note(item) for item in _list(node, "fit_notes")),
        size_chart=tuple(_size_row(item) for item in _list(node, "size_chart")),
        skus=skus,
    )


SKU_EXAMPLE = "{id: tea-1-250g, stock: 20}"


def _sku(node: Node, dates: ShopDates) -> Sku:
    node.mapping(("id", "size", "color", "stock", "restock_date"))
    restock = node.optional("restock_date")
    return Sku(
        id=node.field("id").text(),
        stock=node.field("stock").integer(),
        size=node.optional("size").text() if node.optional("size") else None,
        color=node.optional("color").text() if node.optional("color") else None,
        restock_date=dates.day(restock) if restock else None,
    )


def _size_row(node: Node) -> SizeRow:
    node.mapping(("size", "height_cm", "weight_kg", "age", "foot_cm"))
    row = SizeRow(
        size=node.field("size").text(),
        height_cm=_opt_span(node, "height_cm"),
        weight_kg=_opt_span(node, "weight_kg"),
        age=_opt_span(node, "age"),
        foot_cm=_opt_span(node, "foot_cm"),
    )
    if (row.height_cm, row.weight_kg, row.age, row.foot_cm) == (None, None, None, None):
        node.fail("expected at least one of height_cm, weight_kg, age, foot_cm as [low, high]")
    return row


def _fit_note(node: Node) -> FitNote:
    node.mapping(("text", "min_age", "max_age"))
    return FitNote(
        text=node.field("text").text(),
        min_age=_opt_number(node, "min_age"),
        max_age=_opt_number(node, "max_age"),
    )


def _promotion(node: Node, product_ids: tuple[str, ...], dates: ShopDates) -> Promotion:
    node.mapping(
        ("id", "title", "starts_at", "ends_at", "product", "price", "min_spend", "discount")
        + ("limit", "remaining")
    )
    product = node.optional("product")
    promotion = Promotion(
        id=node.field("id").text(),
        title=node.field("title").text(),
        starts_at=dates.moment(node.field("starts_at")),
        ends_at=dates.moment(node.field("ends_at")),
        product=_known(product, product_ids) if product else None,
        price=_opt_number(node, "price"),
        min_spend=_opt_number(node, "min_spend"),
        discount=_opt_number(node, "discount"),
        limit=node.optional("limit").integer(1) if node.optional("limit") else None,
        remaining=node.optional("remaining").integer() if node.optional("remaining") else None,
    )
    _check_promotion(node, promotion)
    return promotion


def _check_promotion(node: Node, promotion: Promotion) -> None:
    if promotion.ends_at <= promotion.starts_at:
        node.field("ends_at").fail("expected a date-time after starts_at")
    by_price = promotion.price is not None
    by_spend = promotion.min_spend is not None and promotion.discount is not None
    if by_price == by_spend:
        node.fail("expected either price (with product) or min_spend and discount (满减)")
    if by_price and promotion.product is None:
        node.fail("a promotional price needs product: <catalogue id>")
    if promotion.remaining is not None and promotion.limit is None:
        node.field("remaining").fail("remaining needs limit (the flash-sale quantity)")


def _coupon(node: Node, product_ids: tuple[str, ...], dates: ShopDates) -> Coupon:
    node.mapping(("id", "value", "min_spend", "usable", "products", "ends_at"))
    products = node.optional("products")
    ends_at = node.optional("ends_at")
    coupon = Coupon(
        id=node.field("id").text(),
        value=node.field("value").number(0.01),
        min_spend=node.field("min_spend").number(),
        usable=node.field("usable").choice(("this_order", "next_order")),
        products=tuple(_known(item, product_ids) for item in products.items()) if products else (),
        ends_at=dates.moment(ends_at) if ends_at else None,
    )
    if 0 < coupon.min_spend < coupon.value:
        node.field("min_spend").fail(
            f"expected at least the value ({coupon.value:g}), or 0 for a coupon without threshold"
        )
    return coupon


def _gift_tiers(root: Node) -> tuple[GiftTier, ...]:
    tiers = []
    for node in _list(root, "gift_tiers"):
        node.mapping(("min_order_value", "gift", "value", "swaps"))
        swaps = node.optional("swaps")
        tiers.append(
            GiftTier(
                min_order_value=node.field("min_order_value").number(),
                gift=node.field("gift").text(),
                value=node.field("value").number(),
                swaps=swaps.texts() if swaps else (),
            )
        )
    return tuple(sorted(tiers, key=lambda tier: tier.min_order_value))


def _shipping(node: Node) -> Shipping:
    node.mapping(
        ("fulfilment", "cutoffs", "last_pickup", "ship_days", "carriers")
        + ("default_delivery_days", "delivery")
    )
    problems = _Problems()
    cutoffs = problems.attempt(lambda: _cutoffs(node), ())
    last_pickup = node.optional("last_pickup")
    if cutoffs and last_pickup and last_pickup.clock() <= cutoffs[-1].before:
        problems.attempt(
            lambda: last_pickup.fail(
                f"expected a time after the last cutoff ({cutoffs[-1].before:%H:%M})"
            )
        )
    shipping = Shipping(
        fulfilment=problems.attempt(
            lambda: node.field("fulfilment").choice(("self_operated", "third_party"))
        ),
        cutoffs=cutoffs,
        last_pickup=last_pickup.clock() if last_pickup else None,
        ship_days=problems.attempt(lambda: _ship_days(node), frozenset()),
        carriers=problems.attempt(lambda: _texts(node.field("carriers"), "[中通]"), ()),
        default_delivery_days=problems.attempt(lambda: node.field("default_delivery_days").text()),
        delivery=problems.attempt(lambda: tuple(_region(i) for i in _list(node, "delivery")), ()),
    )
    problems.raise_any()
    return shipping


def _cutoffs(node: Node) -> tuple[Cutoff, ...]:
    cutoffs = tuple(_cutoff(item) for item in node.field("cutoffs").items(CUTOFF_EXAMPLE))
    if [cutoff.before for cutoff in cutoffs] != sorted(cutoff.before for cutoff in cutoffs):
        node.field("cutoffs").fail("expected cutoffs in time order, earliest first")
    return cutoffs


def _ship_days(node: Node) -> frozenset[int]:
    days = node.field("ship_days").items("[mon, tue, wed, thu, fri]")
    return frozenset(_weekday(item) for item in days)


CUTOFF_EXAMPLE = '{before: "16:00", ships: afternoon}'


def _texts(node: Node, example: str) -> tuple[str, ...]:
    return tuple(item.text() for item in node.items(example))


def _cutoff(node: Node) -> Cutoff:
    node.mapping(("before", "ships"))
    return Cutoff(
        before=node.field("before").clock(),
        ships=node.field("ships").choice(("morning", "afternoon", "evening")),
    )


def _weekday(node: Node) -> int:
    return WEEKDAYS.index(node.choice(WEEKDAYS))


def _region(node: Node) -> DeliveryRegion:
    node.mapping(("region", "places", "days"))
    return DeliveryRegion(
        region=node.field("region").text(),
        places=node.field("places").texts(),
        days=node.field("days").text(),
    )


def _service(node: Node) -> Service:
    node.mapping(
        ("rating", "no_reason_return_days", "free_return_shipping", "warranty", "after_sales")
        + ("refund_days", "authenticity", "installation", "price_protection_days")
    )
    authenticity = node.optional("authenticity")
    installation = node.optional("installation")
    protection = node.optional("price_protection_days")
    rating = node.field("rating").number()
    if rating > 5:
        node.field("rating").fail("expected a shop rating between 0 and 5")
    return Service(
        rating=rating,
        no_reason_return_days=node.field("no_reason_return_days").integer(),
        free_return_shipping=node.field("free_return_shipping").flag(),
        warranty=node.field("warranty").text(),
        after_sales=node.field("after_sales").text(),
        refund_days=node.field("refund_days").text(),
        authenticity=authenticity.text() if authenticity else None,
        installation=installation.text() if installation else None,
        price_protection_days=protection.integer() if protection else 0,
    )


def _invoice(node: Node | None) -> Invoice | None:
    if node is None:
        return None
    node.mapping(("types", "company_title", "issued_within"))
    return Invoice(
        types=_texts(node.field("types"), "[电子普通发票]"),
        company_title=node.field("company_title").flag(),
        issued_within=node.field("issued_within").text(),
    )


def _payment(node: Node) -> Payment:
    node.mapping(("methods", "cash_on_delivery", "instalments", "company_transfer_hours"))
    instalments = node.optional("instalments")
    return Payment(
        methods=_texts(node.field("methods"), "[支付宝, 银行卡]"),
        cash_on_delivery=node.field("cash_on_delivery").flag(),
        instalments=instalments.texts() if instalments else (),
        company_transfer_hours=node.field("company_transfer_hours").integer(1),
    )


def _hours(node: Node) -> Hours:
    node.mapping(("timezone", "weekly", "holidays", "dates"))
    timezone = node.field("timezone")
    try:
        ZoneInfo(timezone.text())
    except (ZoneInfoNotFoundError, ValueError):
        timezone.fail(f"unknown timezone '{timezone.value}'; use an IANA name like Asia/Shanghai")
    weekly = node.field("weekly").mapping(WEEKDAYS)
    return Hours(
        timezone=timezone.text(),
        weekly={WEEKDAYS.index(day): _periods(periods) for day, periods in weekly.pairs()},
        dates=_dates(node),
    )


def _dates(node: Node) -> dict:
    """Holidays (closed all day) and one-off dates with their own periods."""
    dates = {holiday.day(): () for holiday in _list(node, "holidays")}
    overrides = node.optional("dates")
    for key, periods in overrides.pairs() if overrides else ():
        day = _date_key(key, periods)
        if day in dates:
            periods.fail("this date is also in holidays; keep it in one place")
        dates[day] = _periods(periods)
    return dates


def _date_key(key: str, node: Node) -> date:
    try:
        return date.fromisoformat(key)
    except ValueError:
        node.fail("expected a date like 2026-11-11 as the key")


def _periods(node: Node) -> tuple:
    periods = []
    for item in node.items():
        start_text, end_text = _halves(item)
        start = Node(start_text.strip(), item.path, item.file).clock()
        end, next_day = _end_clock(Node(end_text.strip(), item.path, item.file))
        if end > start if next_day else end <= start:
            item.fail(
                'expected an opening period like "09:00-23:00" that ends after it starts; '
                'past midnight write the end as "24:00" or more, e.g. "18:00-25:00" for 01:00'
            )
        periods.append((start, end))
    return tuple(periods)


def _end_clock(node: Node) -> tuple[time, bool]:
    """An end from "24:00" to "47:59" is on the next day (as in railway timetables)."""
    match = _NEXT_DAY.match(node.value)
    if match is None:
        return node.clock(), False
    return time(int(match.group(1)) - 24, int(match.group(2))), True


def _halves(node: Node) -> list[str]:
    parts = node.text().split("-")
    if len(parts) != 2:
        node.fail('expected an opening period like "09:00-23:00"')
    return parts


def _authority(node: Node) -> Authority:
    node.mapping(("coupon_max", "compensation_max"))
    return Authority(
        coupon_max=node.field("coupon_max").number(),
        compensation_max=node.field("compensation_max").number(),
    )


def _unattended(node: Node) -> Unattended:
    node.mapping(("confidence_threshold", "allowed_intents", "coupon_max"))
    threshold = node.field("confidence_threshold").number()
    if threshold > 1:
        node.field("confidence_threshold").fail("expected a confidence between 0 and 1")
    return Unattended(
        confidence_threshold=threshold,
        allowed_intents=frozenset(
            item.choice(INTENTS) for item in node.field("allowed_intents").items()
        ),
        coupon_max=node.field("coupon_max").number(),
    )


def _templates(node: Node | None, defaults: dict[str, tuple[str, ...]]) -> dict:
    merged = dict(defaults)
    if node is not None:
        merged.update({key: check_override(child, defaults) for key, child in node.pairs()})
    return merged
