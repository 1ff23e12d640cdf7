"""Size advice with the measure the buyer gave: a foot length for shoes ("脚长24.5", "245mm"), a
bare height next to a weight ("165 110斤"), both measures named when both fit, both sizes named
when they differ, and a plain sentence when the chart has no such measure — in the demo shops
and in a shoe shop nobody trained on (written to tmp_path). Clock fixed: 2026-07-15 10:30."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot.drafting import draft_replies
from bot.shop import load_shop
from bot.tactics import size_advice
from bot.types import Entity, IntentScore, Understanding
from tests.bot_helpers import ROOT, SHOPS, at
from tests.tea_shop import TEA_SHOP

NOW = at("2026-07-15 10:30")
LOOSE = "这款是宽松版型，喜欢修身可以选小一码。"

SHOE_CATALOGUE = """\
catalogue:
  - id: runner
    name: 轻跑运动鞋
    aliases: [跑鞋, 运动鞋]
    category: shoes
    price: 299
    description: 飞织鞋面，回弹中底
    size_up: true
    fit_notes:
      - text: 脚背高或脚宽可以拍大一码。
    size_chart:
      - {size: "37", foot_cm: [23, 23.5]}
      - {size: "38", foot_cm: [23.5, 24]}
      - {size: "39", foot_cm: [24, 24.5]}
      - {size: "40", foot_cm: [24.5, 25]}
    skus:
      - {id: r-37, size: "37", color: 黑色, stock: 20}
      - {id: r-38, size: "38", color: 黑色, stock: 20}
      - {id: r-39, size: "39", color: 黑色, stock: 20}
      - {id: r-40, size: "40", color: 黑色, stock: 0, restock_date: 2026-07-22}
  - id: slipper
    name: 居家拖鞋
    aliases: [拖鞋]
    category: shoes
    price: 39
    description: EVA软底，防滑
    skus:
      - {id: s-38, size: "38", stock: 50}
      - {id: s-40, size: "40", stock: 50}
"""


@pytest.fixture(scope="module")
def shoe_shop(tmp_path_factory):
    text = TEA_SHOP.replace("id: tea\nname: 茗香茶舍", "id: shoes\nname: 步履鞋铺")
    start, end = text.index("catalogue:"), text.index("promotions:")
    path = tmp_path_factory.mktemp("shops") / "shoes.yml"
    path.write_text(text[:start] + SHOE_CATALOGUE + text[end:], encoding="utf-8")
    return load_shop(path)


def first_draft(shop, text, entities=()):
    understanding = Understanding(
        text,
        (IntentScore("size_worry", 0.99),),
        tuple(Entity(kind, value, str(value), 0, 0) for kind, value in entities),
    )
    return draft_replies(understanding, shop, NOW, seed="t")[0]


@pytest.mark.parametrize(
    "text, foot",
    [
        ("脚长24.5穿多大", 24.5),
        ("腳長16.5cm要選幾碼", 16.5),
        ("脚长245mm", 24.5),
        ("脚长是23", 23),
        ("我脚有点宽", None),
        ("身高165", None),
    ],
)
def test_foot_length_is_read_from_the_message(text, foot):
    assert size_advice.foot_length(text) == foot


SHOE_CASES = [
    # the chart's foot length picks the size; between two sizes this shoe sizes up
    ("跑鞋脚长24.2穿几码", (), "亲，脚长24.2cm的话选39码就合适～脚背高或脚宽可以拍大一码。"),
    ("跑鞋脚长240mm穿几码", (), "亲，脚长24cm的话选39码就合适～脚背高或脚宽可以拍大一码。"),
    # the NLU reads "14cm" as a height: it is the foot length, and off this chart
    (
        "跑鞋宝宝脚长14cm穿多大",
        (("height_cm", 14),),
        "亲，脚长14cm不在轻跑运动鞋的尺码表范围内，我帮您再确认一下合适的尺码哦～",
    ),
    (
        "跑鞋脚长25穿几码",
        (),
        "亲，脚长25cm适合40码，目前缺货，7月22日左右到货，到了马上告诉您～脚背高或脚宽可以拍大一码。",
    ),
    # a chart by foot length and a height: said plainly, the foot length asked for
    (
        "跑鞋身高170穿几码",
        (("height_cm", 170),),
        "亲，轻跑运动鞋的尺码是按脚长对照的，身高没法直接对应，您说一下脚长，我给您推荐～",
    ),
    (
        "跑鞋穿几码",
        (),
        "亲，麻烦量一下脚长（脚跟到最长的脚趾，单位cm）告诉我，我按轻跑运动鞋的尺码表帮您选～",
    ),
    # sized, no chart: the measure is read back and checked, no size guessed
    (
        "拖鞋脚长25穿几码",
        (),
        "亲，居家拖鞋这边没有详细的尺码对照表，脚长25cm穿哪个码我跟同事确认一下再回复您～",
    ),
]


@pytest.mark.parametrize("text, entities, draft", SHOE_CASES)
def test_shoe_sizes_by_foot_length(shoe_shop, text, entities, draft):
    assert first_draft(shoe_shop, text, entities).text == draft


DEMO_CASES = [
    # both measures fit the size: both are named
    (
        "jdhome",
        "身高165体重120穿什么码",
        (("height_cm", 165), ("weight_kg", 60)),
        f"亲，身高165cm、体重60kg的话选M码就合适～{LOOSE}",
    ),
    # a bare height next to a weight the NLU read
    (
        "jdhome",
        "165 110斤",
        (("weight_kg", 55),),
        f"亲，身高165cm、体重55kg的话选M码就合适～{LOOSE}",
    ),
    # the measures point at neighbouring sizes: both said, the shop's size_up rule picks
    (
        "jdhome",
        "身高170 体重140斤",
        (("height_cm", 170), ("weight_kg", 70)),
        f"亲，按身高170cm是M码，按体重70kg是L码，两个码之间这款建议选L码～{LOOSE}",
    ),
    (
        "jdhome",
        "身高175 体重160斤",
        (("height_cm", 175), ("weight_kg", 80)),
        "亲，身高175cm、体重80kg适合XL码，目前缺货，7月20日左右到货，到了马上告诉您～" + LOOSE,
    ),
    (
        "demo",
        "宝宝身高85 体重30斤",
        (("height_cm", 85), ("weight_kg", 15)),
        "亲，按身高85cm是90码，按体重15kg是100码，两个码之间这款建议选90码～"
        "儿童泳衣按实际尺码选就好，不建议买大，太大容易走光。",
    ),
    # a chart by height and weight and a foot length: said plainly
    (
        "jdhome",
        "T恤脚长25穿几码",
        (),
        "亲，速干运动T恤的尺码是按身高、体重对照的，脚长没法直接对应，您说一下身高、体重，我给您推荐～",
    ),
    (
        "demo",
        "泳衣脚长15cm穿多大",
        (("height_cm", 15),),
        "亲，儿童连体泳衣的尺码是按身高、体重、年龄对照的，脚长没法直接对应，"
        "您说一下身高、体重、年龄，我给您推荐～",
    ),
    # a foot length and an age where the only chart is for clothes: not that chart
    (
        "demo",
        "宝宝18个月 脚长12",
        (("age", 1.5),),
        "亲，麻烦发一下您看中的商品链接，我对照它的尺码表帮您选，脚长12cm的话我给您仔细看看～",
    ),
    # a shoe question where the only chart is for clothes: which pair, and the foot length
    (
        "demo",
        "平时穿38的鞋，这款偏大还是偏小啊",
        (),
        "亲，麻烦发一下您看中的鞋子链接，顺便说下脚长，我对照这双的尺码帮您选～",
    ),
    (
        "jdhome",
        "鞋子偏大吗",
        (),
        "亲，麻烦发一下您看中的鞋子链接，顺便说下脚长，我对照这双的尺码帮您选～",
    ),
    # no product named and a foot length: which product (the only chart is not for feet)
    (
        "demo",
        "脚长24.5穿多大",
        (),
        "亲，麻烦发一下您看中的商品链接，我对照它的尺码表帮您选，脚长24.5cm的话我给您仔细看看～",
    ),
]


@pytest.mark.parametrize("shop_id, text, entities, draft", DEMO_CASES)
def test_demo_shops_size_with_the_given_measures(shop_id, text, entities, draft):
    assert first_draft(SHOPS[shop_id], text, entities).text == draft


FIRST_WRITTEN = """\
from bot.catalogue import find_colour, find_size
print(find_size(["S", "M", "L", "XL"], "我平常穿M,要不要拿L").value,
      find_colour(["黑色", "白色", "灰色"], "白色还是黑色好看").value)
"""


@pytest.mark.parametrize("hash_seed", ["0", "1", "2", "3"])
def test_the_size_and_colour_written_first_whatever_the_hash_seed(hash_seed):
    """Same-length sizes came out of a set: "平常穿M 要不要拿L" read as L in some processes."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    found = subprocess.run(
        [sys.executable, "-c", FIRST_WRITTEN], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert found.stdout.split() == ["M", "白色"]


def test_a_usual_size_is_the_one_written_first():
    text = "这件裤子腰围有点担心,我平常穿M,要不要拿L"
    draft = first_draft(SHOPS["jdhome"], text, (("size", "M"), ("size", "L")))
    assert draft.text == f"亲，按您平时的M码选就行～{LOOSE}"
