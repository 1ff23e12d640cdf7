"""Earlier messages' entities are kept between suggestions; a reloaded shop reads them afresh."""

from dataclasses import replace
from pathlib import Path

from bot.memory import message_entities, remembered_entities
from bot.shop.loader import load_shop
from bot.types import Entity, Turn

DEMO_SHOP = Path(__file__).resolve().parents[2] / "data" / "shops" / "demo.yml"

HISTORY = (Turn("台灯有货吗"), Turn("还有120码吗"))
LAMP = Entity("product", "LED护眼台灯", "LED护眼台灯", 0, 5)
SIZE_120 = Entity("size", "120", "120", 2, 5)


def test_remembered_entities_are_those_of_each_message():
    shop = load_shop(DEMO_SHOP)
    first = remembered_entities(HISTORY, shop)
    again = remembered_entities(HISTORY, shop)
    assert first == again == (LAMP, SIZE_120)
    assert list(first) == [
        *message_entities("台灯有货吗", shop),
        *message_entities("还有120码吗", shop),
    ]


def test_a_reloaded_shop_is_read_afresh():
    shop = load_shop(DEMO_SHOP)
    assert remembered_entities(HISTORY[:1], shop) == (LAMP,)
    without_lamp = replace(
        shop, products=tuple(p for p in shop.products if p.name != "LED护眼台灯")
    )
    assert remembered_entities(HISTORY[:1], without_lamp) == ()


def test_without_a_shop_only_the_patterns_count():
    assert remembered_entities(HISTORY, None) == (Entity("size", "120", "120码", 2, 6),)
