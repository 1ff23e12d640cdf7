"""Size from the chart: height first, then weight, then age; kids' swimwear is not sized up between
two sizes and 1-3 year-olds get the round-tummy note; an adult tee that runs loose sizes up."""

from __future__ import annotations

import pytest

from bot.tactics import size_advice
from bot.types import Draft
from tests.bot_helpers import context

NO_SIZE_UP = "儿童泳衣按实际尺码选就好，不建议买大，太大容易走光。"
TUMMY = "1-3岁宝宝小肚子圆圆的，这款小码腰两侧已加宽1厘米，不用特意拍大。"


def test_two_year_old_90cm_gets_90_from_the_chart():
    [draft] = size_advice.propose(
        context("demo", "size_worry", "宝宝两岁90cm穿多大", age=2, height_cm=90)
    )
    assert draft == Draft(
        text=f"亲，身高90cm的话选90码就合适～{NO_SIZE_UP}{TUMMY}",
        tactic="size_advice",
        facts={
            "product": "儿童连体泳衣",
            "measure": "身高90cm",
            "between_sizes": True,
            "size": "90",
            "notes": NO_SIZE_UP + TUMMY,
        },
        needs_approval=False,
        auto_send_safe=True,
    )


@pytest.mark.parametrize(
    "shop_id, entities, size, between",
    [
        ("demo", {"height_cm": 95}, "100", False),
        ("demo", {"height_cm": 100}, "100", True),  # 100 or 110: not sized up
        ("demo", {"weight_kg": 12}, "90", False),  # 24斤
        ("demo", {"age": 1.5}, "90", False),  # 18个月
        ("demo", {"age": 2}, "90", True),
        ("demo", {"height_cm": 85, "age": 3}, "90", False),  # height wins over age
        ("demo", {"product": "儿童泳衣", "height_cm": 125}, "130", False),
        ("jdhome", {"height_cm": 170}, "M", False),
        ("jdhome", {"height_cm": 172}, "L", True),  # loose tee: sizes up between M and L
        ("jdhome", {"weight_kg": 60}, "M", False),
        ("jdhome", {"age": 30, "weight_kg": 70}, "L", False),  # chart has no age column
    ],
)
def test_recommendation_from_chart(shop_id, entities, size, between):
    [draft] = size_advice.propose(context(shop_id, "size_worry", **entities))
    assert (draft.facts["size"], draft.facts["between_sizes"]) == (size, between)


def test_tummy_note_only_for_one_to_three():
    [draft] = size_advice.propose(context("demo", "size_worry", age=5))
    assert draft.facts["size"] == "120" and draft.facts["notes"] == NO_SIZE_UP


def test_recommended_size_sold_out_says_restock_date():
    [draft] = size_advice.propose(context("demo", "size_worry", height_cm=115))
    assert (draft.facts["size"], draft.facts["stock"], draft.facts["restock_date"]) == (
        "120",
        0,
        "2026-07-28",
    )
    assert "7月28日" in draft.text


def test_recommended_size_sold_out_without_date():
    [draft] = size_advice.propose(context("demo", "size_worry", height_cm=105))
    assert (draft.facts["size"], draft.facts["stock"]) == ("110", 0)
    assert "restock_date" not in draft.facts


@pytest.mark.parametrize("shop_id", ["demo", "jdhome"])
def test_no_measures_asks_for_them(shop_id):
    [draft] = size_advice.propose(context(shop_id, "size_worry", "会不会太紧"))
    assert draft.facts == {"product": {"demo": "儿童连体泳衣", "jdhome": "速干运动T恤"}[shop_id]}
    assert "身高" in draft.text


@pytest.mark.parametrize(
    "shop_id, entities",
    [("demo", {"height_cm": 150}), ("jdhome", {"height_cm": 190})],
)
def test_off_chart_does_not_guess(shop_id, entities):
    [draft] = size_advice.propose(context(shop_id, "size_worry", **entities))
    assert "size" not in draft.facts
    assert draft.facts["measure"] in draft.text


@pytest.mark.parametrize(
    "shop_id, entities",
    [("demo", {"product": "笔记本", "height_cm": 90}), ("jdhome", {"product": "耳机", "age": 2})],
)
def test_product_without_chart_gets_no_size_advice(shop_id, entities):
    assert size_advice.propose(context(shop_id, "size_worry", **entities)) == []
