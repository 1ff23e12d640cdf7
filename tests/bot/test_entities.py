import pytest

from bot.nlu.entities import build_entity_pipeline, extract_entities
from bot.nlu.lexicon import dictionary_words
from bot.types import Entity


@pytest.fixture(scope="module")
def nlp():
    return build_entity_pipeline(colors=dictionary_words("colors.txt"))


def found(nlp, text):
    return [(entity.type, entity.value, entity.text) for entity in extract_entities(nlp, text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("别家才3800", [("competitor_price", 3800, "3800")]),
        (
            "京东自营1299，你家贵了200块",
            [("competitor_price", 1299, "1299"), ("amount", 200, "200块")],
        ),
        ("3800块太贵了", [("amount", 3800, "3800块")]),
        ("¥99还能便宜吗", [("amount", 99, "99")]),
        ("3.8k有点贵", [("amount", 3800, "3.8k")]),
        ("再少50就拍", [("amount", 50, "50")]),
        ("两百块能卖吗", [("amount", 200, "两百块")]),
        ("M码还有吗", [("size", "M", "M码")]),
        ("xl偏大吗", []),
        ("XL偏大吗", [("size", "XL", "XL")]),
        ("110码有货吗", [("size", "110", "110码")]),
        ("38码的鞋子", [("size", "38", "38码")]),
        ("身高165", [("height_cm", 165, "165")]),
        ("1米7穿多大", [("height_cm", 170, "1米7")]),
        ("身高1.65m", [("height_cm", 165, "1.65m")]),
        ("孩子90cm", [("height_cm", 90, "90cm")]),
        ("脚长14cm穿几码", []),
        ("腰围70cm 衣长65cm", []),
        ("165cm 腰围70cm", [("height_cm", 165, "165cm")]),
        ("90斤穿什么码", [("weight_kg", 45, "90斤")]),
        ("体重12公斤", [("weight_kg", 12, "12公斤")]),
        ("体重110", [("weight_kg", 55, "110")]),
        ("65kg", [("weight_kg", 65, "65kg")]),
        ("宝宝2岁", [("age", 2, "2岁")]),
        ("两岁半的宝宝", [("age", 2.5, "两岁半")]),
        ("宝宝18个月", [("age", 1.5, "18个月")]),
        ("买两件", [("quantity", 2, "两件")]),
        ("要3个", [("quantity", 3, "3个")]),
        ("今天能发吗", [("date_time", "今天", "今天")]),
        ("明天下午4点前能到吗", [("date_time", "明天下午4点前", "明天下午4点前")]),
        ("周六之前能到", [("date_time", "周六", "周六")]),
        ("订单号4012345678123", [("order_id", "4012345678123", "4012345678123")]),
        ("[订单编号:4012345678]", [("order_id", "4012345678", "4012345678")]),
        # the model knows no catalogue: products are matched per shop by bot.catalogue
        ("护眼台灯发什么快递", []),
        ("粉色的儿童连体泳衣", [("color", "粉色", "粉色")]),
        ("这个多少钱", []),
    ],
)
def test_entity_types_and_normalised_values(nlp, text, expected):
    assert found(nlp, text) == expected


def test_a_message_with_several_entities(nlp):
    assert extract_entities(nlp, "身高165体重90斤穿M还是L") == [
        Entity("height_cm", 165, "165", 2, 5),
        Entity("weight_kg", 45, "90斤", 7, 10),
        Entity("size", "M", "M", 11, 12),
        Entity("size", "L", "L", 14, 15),
    ]


def test_an_order_number_is_not_an_amount(nlp):
    assert [entity.type for entity in extract_entities(nlp, "单号4012345678123块")] == ["order_id"]
