"""`python -m bot shops check [DIR]`, values that would break drafting refused at load, relative
demo dates, and a cheap reload of a folder of shop files."""

from __future__ import annotations

import io
import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main as cli
from bot.shop import ShopProfileError, load_shop, load_shops
from tests.tea_shop import TEA_SHOP, write_tea_shop

SHANGHAI = ZoneInfo("Asia/Shanghai")


def check(*args):
    out, err = io.StringIO(), io.StringIO()
    code = cli(["shops", "check", *map(str, args)], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_a_clean_folder_passes_with_one_line(tmp_path):
    write_tea_shop(tmp_path)
    assert check(tmp_path) == (0, f"{tmp_path}: 1 shop file(s), all valid (tea.yml)\n", "")


def test_every_problem_of_every_file_is_listed_and_exits_2(tmp_path):
    broken = TEA_SHOP.replace("  ship_days: [mon, tue, wed, thu, fri]", "  ship_days: []")
    broken = broken.replace(
        """  cutoffs:
    - {before: "16:00", ships: afternoon}""",
        "  cutoffs: []",
    )
    broken = broken.replace("  carriers: [顺丰]", "  carriers: []")
    broken = broken.replace(
        "{id: T30, value: 30, min_spend: 300,", "{id: T30, value: 30, min_spend: 10,"
    )
    broken = broken.replace("restock_date: 2026-03-20}", "restock_date: soon}")
    write_tea_shop(tmp_path, broken)
    no_methods = TEA_SHOP.replace("methods: [支付宝, 花呗, 银行卡]", "methods: []")
    (tmp_path / "shop2.yml").write_text(no_methods, encoding="utf-8")
    code, out, err = check(tmp_path)
    assert code == 2
    assert out.splitlines() == [
        f"{tmp_path / 'shop2.yml'}: id: expected 'shop2' to match the file name shop2.yml",
        f"{tmp_path / 'shop2.yml'}: payment.methods: expected at least one item, "
        "e.g. [支付宝, 银行卡]; an empty list is not usable",
        f"{tmp_path / 'tea.yml'}: catalogue[0].skus[1].restock_date: "
        "expected a date like 2026-11-20 (or today+10 in a demo)",
        f"{tmp_path / 'tea.yml'}: coupons[1].min_spend: expected at least the value (30), "
        "or 0 for a coupon without threshold",
        f"{tmp_path / 'tea.yml'}: shipping.cutoffs: expected at least one item, "
        'e.g. {before: "16:00", ships: afternoon}; an empty list is not usable',
        f"{tmp_path / 'tea.yml'}: shipping.ship_days: expected at least one item, "
        "e.g. [mon, tue, wed, thu, fri]; an empty list is not usable",
        f"{tmp_path / 'tea.yml'}: shipping.carriers: expected at least one item, e.g. [中通]; "
        "an empty list is not usable",
    ]
    assert err == f"7 problem(s) in 2 file(s) of {tmp_path}\n"


def test_an_empty_folder_is_a_problem(tmp_path):
    assert check(tmp_path) == (
        2,
        f"{tmp_path}: (directory): no shop files (*.yml) found\n",
        f"1 problem(s) in 1 file(s) of {tmp_path}\n",
    )


def test_a_shop_without_ship_days_does_not_load(tmp_path):
    path = write_tea_shop(tmp_path, TEA_SHOP.replace("[mon, tue, wed, thu, fri]", "[]"))
    with pytest.raises(ShopProfileError) as error:
        load_shop(path)
    assert str(error.value) == (
        f"{path}: shipping.ship_days: expected at least one item, e.g. [mon, tue, wed, thu, fri]; "
        "an empty list is not usable"
    )


def test_relative_dates_count_from_the_day_of_loading(tmp_path):
    text = TEA_SHOP.replace("restock_date: 2026-03-20", "restock_date: today+3")
    text = text.replace("starts_at: 2026-03-01T00:00:00+08:00", "starts_at: today-1 09:30")
    text = text.replace("ends_at: 2026-03-31T23:59:00+08:00", "ends_at: today+16 23:59")
    shop = load_shop(write_tea_shop(tmp_path, text), today=date(2026, 12, 30))
    assert shop.products[0].skus[1].restock_date == date(2027, 1, 2)
    assert shop.promotions[0].starts_at == datetime(2026, 12, 29, 9, 30, tzinfo=SHANGHAI)
    assert shop.promotions[0].ends_at == datetime(2027, 1, 15, 23, 59, tzinfo=SHANGHAI)
    assert shop.loaded_on == date(2026, 12, 30)


def test_a_relative_restock_date_takes_no_time(tmp_path):
    text = TEA_SHOP.replace("restock_date: 2026-03-20", "restock_date: today+3 10:00")
    with pytest.raises(ShopProfileError) as error:
        load_shop(write_tea_shop(tmp_path, text))
    assert str(error.value).endswith(
        "catalogue[0].skus[1].restock_date: expected a date like 2026-11-20 "
        "(or today+10 in a demo), without a time"
    )


def test_reloading_reads_only_changed_files(tmp_path):
    path = write_tea_shop(tmp_path)
    first = load_shops(tmp_path)
    assert load_shops(tmp_path)["tea"] is first["tea"]
    path.write_text(TEA_SHOP.replace("price: 268", "price: 258"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    assert load_shops(tmp_path)["tea"].products[0].price == 258
