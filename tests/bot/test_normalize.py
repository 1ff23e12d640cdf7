import pytest

from bot.nlu.normalize import normalize_text, to_half_width, to_simplified


@pytest.mark.parametrize(
    "text, expected",
    [
        ("這個價格有點超出預算，可以算便宜一點嗎", "这个价格有点超出预算,可以算便宜一点吗"),
        ("請問運費多少錢", "请问运费多少钱"),
        ("還有貨嗎？", "还有货吗?"),
        ("收到是壞的，我要退貨。", "收到是坏的,我要退货。"),
        ("太贵了", "太贵了"),
        ("ＸＬ碼１２０元", "XL码120元"),
        ("在嗎\u3000親", "在吗 亲"),
    ],
)
def test_normalize_text(text, expected):
    assert normalize_text(text) == expected


def test_full_width_digits_and_letters_become_ascii():
    assert to_half_width("１２３ＡＢＣａｂｃ！") == "123ABCabc!"


def test_ideographic_punctuation_outside_the_full_width_block_is_kept():
    assert to_half_width("好的，谢谢。【订单】") == "好的,谢谢。【订单】"


@pytest.mark.parametrize(
    "text", ["這個價格有點超出預算", "頭髮乾燥", "麵包發霉了", "台灣寄得到嗎", "🙏還有貨嗎😭"]
)
def test_normalisation_keeps_every_offset(text):
    assert len(normalize_text(text)) == len(text)


def test_simplified_text_is_unchanged():
    text = "宝宝两岁穿多大，身高90cm"
    assert to_simplified(text) == text
