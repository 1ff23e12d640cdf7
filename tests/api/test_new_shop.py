"""A shop the model was never trained with, served through the API from $HUASHU_SHOPS_DIR: its
products are recognised from its own file at request time, and an edited file is used after a
restart without retraining."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from tests.api.conftest import Clock, create_key, suggest
from tests.tea_shop import TEA_SHOP, write_tea_shop

# Wednesday 2026-03-18 14:00 in Shanghai: the tea shop is open, its promotion running
TEA_DAY = datetime(2026, 3, 18, 6, 0, tzinfo=timezone.utc)
AFTER_RESTOCK_DATE = datetime(2026, 3, 25, 6, 0, tzinfo=timezone.utc)


@pytest.fixture
def clock() -> Clock:
    return Clock(TEA_DAY)


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    monkeypatch.setenv("HUASHU_SHOPS_DIR", str(tmp_path / "shops"))
    write_tea_shop(tmp_path / "shops")
    return Settings(db_path=tmp_path / "var" / "huashu.db")


@pytest.fixture
def tea(settings) -> dict[str, str]:
    return {"X-API-Key": create_key(settings, "tea")}


def drafts(client, headers, message, **extra):
    body = suggest(client, headers, message, **extra)
    return [(draft["tactic"], draft["text"]) for draft in body["drafts"]]


@pytest.mark.parametrize(
    "message, extra, expected",
    [
        (
            "西施壶还有货吗",
            {},
            ("stock_scarcity", "亲，紫砂壶 西施现在只剩2件了，喜欢的话建议尽早下单哦～"),
        ),
        (
            "买龙井茶有送什么吗",
            {},
            ("gift", "亲，订单满300元送茶巾，您这单还差102元，凑一凑就能拿到哦～"),
        ),
        (
            "能开增值税专票吗",
            {},
            (
                "invoice",
                "亲，不好意思，增值税专用发票这边开不了哦，支持开电子普通发票，"
                "发货后2个工作日内开好发您～",
            ),
        ),
        (
            "太贵了，能便宜点吗",
            {"order_value": 350},
            ("coupon", "亲，给您发一张满300减30的店铺券，您这单就能用，领了再拍更划算～"),
        ),
    ],
)
def test_new_shop_through_the_api(client, tea, message, extra, expected):
    assert expected in drafts(client, tea, message, **extra)


def test_a_past_restock_date_is_not_stated(client, tea, clock):
    clock.now = AFTER_RESTOCK_DATE
    found = drafts(client, tea, "紫砂壶 西施 紫泥的还有吗")
    assert (
        "restock",
        "亲，紫砂壶 西施 紫泥暂时没货了，补货时间确定后第一时间通知您，您可以先收藏一下～",
    ) in found
    assert not any("3月20日" in text for _, text in found)


def test_an_edited_shop_file_is_used_after_a_restart_without_retraining(
    settings, nlu_model, clock, tea, tmp_path
):
    (tmp_path / "shops" / "tea.yml").write_text(
        TEA_SHOP.replace(
            "{id: xishi-red, color: 朱泥红, stock: 2}", "{id: xishi-red, color: 朱泥红, stock: 50}"
        ),
        encoding="utf-8",
    )
    with TestClient(create_app(settings, nlu=nlu_model, clock=clock)) as client:
        found = drafts(client, tea, "西施壶还有货吗")
    assert ("stock_check", "亲，紫砂壶 西施现货充足，拍下按时给您发出～") in found
