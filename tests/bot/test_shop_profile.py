"""Shop files load into exact profile values; every broken field gets a message naming the file,
the field path and the fix."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from bot.intents import INTENTS
from bot.shop import ShopProfileError, load_shop, load_shops
from bot.shop.model import Authority, Coupon, Cutoff, FitNote, SizeRow, Sku, Unattended
from tests.bot_helpers import DEMO_DAY

SHOPS_DIR = Path(__file__).resolve().parents[2] / "data" / "shops"
CST = timezone(timedelta(hours=8))


def test_load_shops_keys_by_shop_id():
    assert sorted(load_shops(SHOPS_DIR)) == ["demo", "jdhome"]


def test_demo_swimsuit_profile():
    swimsuit = load_shop(SHOPS_DIR / "demo.yml", today=DEMO_DAY).product("宝宝泳衣")
    assert (swimsuit.id, swimsuit.price, swimsuit.original_price) == ("kids-swimsuit", 89, 129)
    assert swimsuit.size_up is False
    assert swimsuit.size_chart[1] == SizeRow("90", (80, 90), (11, 13.5), (1, 2))
    assert swimsuit.fit_notes[1] == FitNote(
        "1-3岁宝宝小肚子圆圆的，这款小码腰两侧已加宽1厘米，不用特意拍大。", 1, 3
    )
    assert swimsuit.skus[4] == Sku("ks-100-pink", 0, "100", "粉色", date(2026, 7, 25))


def test_demo_commercial_terms():
    shop = load_shop(SHOPS_DIR / "demo.yml", today=DEMO_DAY)
    assert shop.coupons[1] == Coupon("C20", 20, 199, "this_order")
    assert shop.coupons[4].ends_at == datetime(2026, 6, 30, 23, 59, tzinfo=CST)
    assert shop.promotions[1].limit == 100 and shop.promotions[1].remaining == 12
    assert [tier.gift for tier in shop.gift_tiers] == ["卡通防水收纳袋", "有线鼠标"]
    assert shop.authority == Authority(coupon_max=20, compensation_max=10)
    assert shop.low_stock_threshold == 5


def test_demo_shipping_and_hours():
    shop = load_shop(SHOPS_DIR / "demo.yml", today=DEMO_DAY)
    assert shop.shipping.cutoffs == (
        Cutoff(time(10, 0), "morning"),
        Cutoff(time(16, 0), "afternoon"),
    )
    assert shop.shipping.last_pickup == time(17, 30)
    assert shop.shipping.ship_days == frozenset(range(6))
    assert shop.hours.weekly[5] == ((time(10, 0), time(22, 0)),)
    assert shop.unattended == Unattended(
        0.8,
        frozenset(
            {"thanks", "shipping_time", "invoice_request", "size_worry", "ask_product_info"}
            | {"quality_worry", "payment_issue", "stock_availability"}
        ),
        5,
    )
    assert shop.hours.dates == {
        date(2026, 1, 1): (),
        date(2026, 2, 17): (),
        date(2026, 11, 11): ((time(9), time(2)),),
    }


def test_second_shop_differs():
    shop = load_shop(SHOPS_DIR / "jdhome.yml", today=DEMO_DAY)
    assert shop.payment.cash_on_delivery is False
    assert shop.service.free_return_shipping is False
    assert shop.service.authenticity is None
    assert [cutoff.before for cutoff in shop.shipping.cutoffs] == [time(11), time(15), time(21)]
    assert shop.hours.weekly[6] == ((time(8), time(12)), (time(13), time(23, 59)))


def test_shop_template_overrides_default_and_keeps_the_rest():
    demo = load_shop(SHOPS_DIR / "demo.yml", today=DEMO_DAY)
    jdhome = load_shop(SHOPS_DIR / "jdhome.yml", today=DEMO_DAY)
    assert jdhome.templates["greeting.hello"] == (
        "您好，欢迎光临{shop}京东自营店，有什么可以帮您？",
        "您好～{shop}客服在线，请问有什么需要？",
    )
    assert jdhome.templates["thanks.welcome"] == demo.templates["thanks.welcome"]


def _demo_data() -> dict:
    return yaml.safe_load((SHOPS_DIR / "demo.yml").read_text(encoding="utf-8"))


def _set(data: dict, path: tuple, value) -> dict:
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


DELETE = object()

BROKEN = [
    (
        ("promotions", 0, "ends_at"),
        "2026-11-30",
        "promotions[0].ends_at: expected an ISO date-time like 2026-11-30T23:59:00+08:00",
    ),
    (
        ("promotions", 0, "starts_at"),
        datetime(2026, 7, 1),
        "promotions[0].starts_at: expected an ISO date-time like 2026-11-30T23:59:00+08:00",
    ),
    (
        ("promotions", 0, "ends_at"),
        datetime(2026, 6, 1, tzinfo=CST),
        "promotions[0].ends_at: expected a date-time after starts_at",
    ),
    (
        ("promotions", 0, "product"),
        "ghost",
        "promotions[0].product: unknown product 'ghost'; use a catalogue id: "
        "kids-swimsuit, laptop-14, desk-lamp",
    ),
    (
        ("promotions", 2, "price"),
        99,
        "promotions[2]: expected either price (with product) or min_spend and discount (满减)",
    ),
    (
        ("promotions", 0, "product"),
        DELETE,
        "promotions[0]: a promotional price needs product: <catalogue id>",
    ),
    (
        ("promotions", 1, "limit"),
        DELETE,
        "promotions[1].remaining: remaining needs limit (the flash-sale quantity)",
    ),
    (("catalogue", 0, "price"), "cheap", "catalogue[0].price: expected a number like 89 or 89.5"),
    (
        ("catalogue", 0, "original_price"),
        50,
        "catalogue[0].original_price: expected at least the price (89) or no field",
    ),
    (("name",), DELETE, "name: required field is missing; add it"),
    (
        ("catalogue", 1, "skus", 0, "stock"),
        -1,
        "catalogue[1].skus[0].stock: expected a whole number of at least 0",
    ),
    (
        ("catalogue", 1, "skus", 1, "id"),
        "laptop-14-grey",
        "catalogue[1].skus[1].id: duplicate id 'laptop-14-grey'; ids must be unique",
    ),
    (
        ("catalogue", 0, "size_chart", 0, "height_cm"),
        [80, 73],
        "catalogue[0].size_chart[0].height_cm: expected [low, high] with low <= high, got [80, 73]",
    ),
    (
        ("catalogue", 0, "skus", 4, "restock_date"),
        "next week",
        "catalogue[0].skus[4].restock_date: expected a date like 2026-11-20",
    ),
    (
        ("shipping", "cutoffs", 0, "before"),
        600,
        'shipping.cutoffs[0].before: expected a quoted time like "10:00" '
        "(unquoted 10:00 is read as a number)",
    ),
    (
        ("shipping", "cutoffs"),
        [{"before": "16:00", "ships": "afternoon"}, {"before": "10:00", "ships": "morning"}],
        "shipping.cutoffs: expected cutoffs in time order, earliest first",
    ),
    (
        ("shipping", "ship_days"),
        ["monday"],
        "shipping.ship_days[0]: expected one of: mon, tue, wed, thu, fri, sat, sun",
    ),
    (
        ("coupons", 0, "usable"),
        "now",
        "coupons[0].usable: expected one of: this_order, next_order",
    ),
    (
        ("hours", "timezone"),
        "Mars/Base",
        "hours.timezone: unknown timezone 'Mars/Base'; use an IANA name like Asia/Shanghai",
    ),
    (
        ("hours", "weekly", "mon"),
        ["9-23"],
        'hours.weekly.mon[0]: expected a quoted time like "10:00" '
        "(unquoted 10:00 is read as a number)",
    ),
    (
        ("hours", "weekly", "mon"),
        ["23:00-09:00"],
        'hours.weekly.mon[0]: expected an opening period like "09:00-23:00" that ends after it '
        'starts; past midnight write the end as "24:00" or more, e.g. "18:00-25:00" for 01:00',
    ),
    (
        ("service", "rating"),
        9,
        "service.rating: expected a shop rating between 0 and 5",
    ),
    (
        ("service", "free_return_shipping"),
        "yes please",
        "service.free_return_shipping: expected true or false",
    ),
    (
        ("unattended", "allowed_intents"),
        ["greet", "haggle"],
        "unattended.allowed_intents[1]: expected one of: " + ", ".join(INTENTS),
    ),
    (
        ("unattended", "confidence_threshold"),
        85,
        "unattended.confidence_threshold: expected a confidence between 0 and 1",
    ),
    (("id",), "other", "id: expected 'demo' to match the file name demo.yml"),
    (("catalogue",), {"id": "x"}, "catalogue: expected a list (lines starting with '- ')"),
    (
        ("templates",),
        {"greeting.helo": ["亲"]},
        "templates.greeting.helo: unknown template; expected one of: ",
    ),
    (
        ("templates",),
        {"thanks.welcome": ["不客气{name}"]},
        "templates.thanks.welcome[0]: unknown placeholder {name}; use only: ",
    ),
    (
        ("templates",),
        {"coupon.approval": ["申请{value"]},
        "templates.coupon.approval[0]: broken placeholder (expected '}' before end of string); "
        "write placeholders like {price}",
    ),
]


@pytest.mark.parametrize("path, value, message", BROKEN)
def test_broken_field_names_file_field_and_fix(tmp_path, path, value, message):
    shop_file = tmp_path / "demo.yml"
    data = _set(_demo_data(), path, value)
    shop_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ShopProfileError) as error:
        load_shop(shop_file)
    assert str(error.value).startswith(f"{shop_file}: {message}")


def test_unknown_field_lists_the_known_ones(tmp_path):
    shop_file = tmp_path / "demo.yml"
    shop_file.write_text(
        yaml.safe_dump(_set(_demo_data(), ("promotion",), []), allow_unicode=True), encoding="utf-8"
    )
    with pytest.raises(
        ShopProfileError, match=r"demo\.yml: promotion: unknown field; expected one"
    ):
        load_shop(shop_file)


def test_unknown_placeholder_message_lists_allowed_placeholders(tmp_path):
    shop_file = tmp_path / "demo.yml"
    data = _set(_demo_data(), ("templates",), {"coupon.approval": ["送您{gift}"]})
    shop_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ShopProfileError) as error:
        load_shop(shop_file)
    assert str(error.value) == (
        f"{shop_file}: templates.coupon.approval[0]: "
        "unknown placeholder {gift}; use only: {value}"
    )


def test_yaml_syntax_error_names_the_line(tmp_path):
    shop_file = tmp_path / "demo.yml"
    shop_file.write_text("id: demo\nname: [unclosed\n", encoding="utf-8")
    with pytest.raises(ShopProfileError, match=r"demo\.yml: line 3: invalid YAML"):
        load_shop(shop_file)


def test_missing_file_is_a_profile_error(tmp_path):
    with pytest.raises(ShopProfileError, match=r"nope\.yml: \(file\): cannot read"):
        load_shop(tmp_path / "nope.yml")


def test_empty_directory_is_a_profile_error(tmp_path):
    with pytest.raises(ShopProfileError, match=r"\(directory\): no shop files"):
        load_shops(tmp_path)
