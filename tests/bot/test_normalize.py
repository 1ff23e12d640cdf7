import pytest

from bot.nlu.normalize import (
    bubbles,
    has_artefacts,
    has_nothing_to_read,
    mask_artefacts,
    normalize_text,
    to_half_width,
    to_simplified,
)


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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("咨询订单号:[订单1] 订单金额:[金额1] 下单时间:[日期1] [时间1] 在吗", "订单号 在吗"),
        ("咨询订单号:4012345678123 订单金额:¥199.00 下单时间:2026-11-28 20:11:05 发货没",
         "订单号 发货没"),
        ("[订单编号:4012345678] 这单帮我退了", "订单号 这单帮我退了"),
        ("订单号[订单1] 在吗", "订单号 在吗"),
        ("[訂單2] 在嗎", "订单号 在吗"),
        ("SF1234567890到哪了", "订单号到哪了"),
        ("https://item.jd.com/100012.html 有货吗", "链接 有货吗"),
        ("你好 <url>", "你好 链接"),
        ("[链接1]和[链接2] 纠结买哪个", "链接和链接 纠结买哪个"),
        ("电话13812345678留错了", "电话电话号码留错了"),
        ("电话[电话1]留错了", "电话电话号码留错了"),
        ("别家才3800", "别家才数字"),
        ("等<num>号再来拍", "等数字号再来拍"),
        ("¥99 太贵", "金额 太贵"),
        ("预算就[金额x] 我再想想", "预算就金额 我再想想"),
        ("等[日期1]发工资再买", "等日期发工资再买"),
        ("2026-11-30 14:30 下单的", "日期 时间 下单的"),
        ("在吗 #E-s12#E-s12", "在吗"),
        ("有人吗[流泪]", "有人吗"),
        ("#E-s12#E-s12", "表情"),
        ("[微笑]", "表情"),
        ("[订单1] [微笑]", "订单号"),
        ("[图片] 收到是坏的", "图片 收到是坏的"),
        ("我是[姓名1] 地址[地址1]", "我是姓名 地址地址"),
        ("宝宝两岁穿多大", "宝宝两岁穿多大"),
        ("/", "/"),
    ],
)  # fmt: skip
def test_mask_artefacts(text, expected):
    assert mask_artefacts(normalize_text(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("肿么木有优惠卷", "怎么没有优惠券"),
        ("神马时候发货", "什么时候发货"),
        ("亲 有卷么", "亲 有券么"),
        ("店铺卷领了用不了", "店铺券领了用不了"),
        ("卷纸还有货吗", "卷纸还有货吗"),
        ("好滴 谢谢", "好的 谢谢"),
        ("一直滴水", "一直滴水"),
        ("滴滴上叫的车", "滴滴上叫的车"),
        ("那我在想想", "那我再想想"),
        ("过阵子在说", "过阵子再说"),
        ("我在下单 付不了", "我在下单 付不了"),
        ("kd到哪了", "快递到哪了"),
        ("KF在吗", "客服在吗"),
        ("kdj有货吗", "kdj有货吗"),
        ("肿么还没到 #E-s12", "怎么还没到"),
    ],
)
def test_chat_spellings_are_read_as_their_words(text, expected):
    assert mask_artefacts(normalize_text(text)) == expected


@pytest.mark.parametrize("text", ["肿么木有优惠卷", "好滴 谢谢[微笑]", "那我在想想", "kd到哪了"])
def test_chat_spellings_leave_the_message_and_its_offsets_alone(text):
    assert normalize_text(text) == text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("在吗 [链接1]", True),
        ("咨询订单号:4012345678123 在吗", True),
        ("你好#E-s03", True),
        ("电话13812345678", True),
        ("165 110斤", False),
        ("99元能卖吗", False),
    ],
)
def test_has_artefacts(text, expected):
    assert has_artefacts(text) is expected


CARD = "咨询订单号:[订单1] 订单金额:[金额1]"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("你好 在吗 我那个订单能不能今天发", ["你好", "在吗", "我那个订单能不能今天发"]),
        ("人呢 快递到哪了 急用", ["人呢", "快递到哪了", "急用"]),
        ("165 110斤", ["165 110斤"]),
        ("iPhone 15 有货吗", ["iPhone 15 有货吗"]),
        (
            "咨询订单号:[订单1] 订单金额:[金额1] 到哪了",
            ["咨询订单号:[订单1] 订单金额:[金额1] 到哪了"],
        ),
        ("[订单1] 你好 到哪了", ["[订单1] 你好", "到哪了"]),
        ("/ ", ["/"]),
        ("  ", []),
    ],
)
def test_bubbles(text, expected):
    assert bubbles(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("", True), ("/", True), (" / / ", True), ("??", True), ("。。。", True), ("～～", True),
     ("👍", False), ("1", False), ("[微笑]", False), ("在吗", False)],
)  # fmt: skip
def test_has_nothing_to_read(text, expected):
    assert has_nothing_to_read(normalize_text(text)) is expected
