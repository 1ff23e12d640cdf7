import pytest

from bot.evaluation import (
    IntentScores,
    StyleScore,
    evaluate,
    is_traditional,
    overlapping_texts,
    read_labelled_tsv,
    stratified_split,
)
from bot.evaluation_report import markdown_report, summary_line

GOLD = [
    ("太贵了", "price_objection"),
    ("能便宜点吗", "price_objection"),
    ("今天能發嗎", "shipping_time"),
    ("在吗", "greet"),
]
PREDICTED = {
    "太贵了": "price_objection",
    "能便宜点吗": "shipping_time",
    "今天能發嗎": "shipping_time",
    "在吗": "greet",
}


@pytest.fixture
def report():
    return evaluate(PREDICTED.__getitem__, GOLD)


def test_scores_per_intent(report):
    assert report.per_intent == {
        "greet": IntentScores(1.0, 1.0, 1.0, 1),
        "price_objection": IntentScores(1.0, 0.5, 2 / 3, 2),
        "shipping_time": IntentScores(0.5, 1.0, 2 / 3, 1),
    }


def test_accuracy_macro_f1_and_the_traditional_split(report):
    assert (report.accuracy, report.size) == (0.75, 4)
    assert report.macro_f1 == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)
    assert (report.traditional_accuracy, report.simplified_accuracy) == (1.0, 2 / 3)


def test_most_confused_pairs(report):
    assert report.most_confused() == [("price_objection", "shipping_time", 1)]


def test_report_texts(report):
    assert summary_line("dev", report) == (
        "dev: 4 messages, accuracy 75.0%, macro-F1 0.778, traditional 100.0%, simplified 66.7%"
    )
    assert "| price_objection | 1.00 | 0.50 | 0.67 | 2 |" in markdown_report("dev", report)
    assert "- price_objection → shipping_time: 1" in markdown_report("dev", report)


def test_read_labelled_tsv_skips_the_header(tmp_path):
    path = tmp_path / "dev.tsv"
    path.write_text("text\tintent\n太贵了\tprice_objection\n\n在吗\tgreet\n", encoding="utf-8")
    assert read_labelled_tsv(path) == [("太贵了", "price_objection"), ("在吗", "greet")]


def test_read_labelled_tsv_names_the_bad_line(tmp_path):
    path = tmp_path / "dev.tsv"
    path.write_text("太贵了\tprice_objection\n只有文字\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"dev.tsv:2: expected `text<TAB>intent`, got '只有文字'"):
        read_labelled_tsv(path)


def test_stratified_split_holds_out_the_same_share_of_every_intent():
    examples = [(f"p{i}", "price_objection") for i in range(10)] + [
        (f"g{i}", "greet") for i in range(5)
    ]
    train, held_out = stratified_split(examples, 0.2)
    assert sorted(intent for _, intent in held_out) == [
        "greet",
        "price_objection",
        "price_objection",
    ]
    assert len(train) == 12
    assert stratified_split(examples, 0.2) == (train, held_out)


@pytest.mark.parametrize("text, expected", [("這個", True), ("这个", False), ("OK👍", False)])
def test_is_traditional(text, expected):
    assert is_traditional(text) is expected


def test_accuracy_by_message_style():
    gold = [
        ("在吗", "greet"),
        ("你好 在吗 我那个订单能不能今天发", "shipping_time"),
        (
            "咨询订单号:[订单1] 订单金额:[金额1] 下单时间:[日期1] [时间1] 到哪了",
            "logistics_tracking",
        ),
        ("這個有貨嗎", "stock_availability"),
    ]
    wrong = {"你好 在吗 我那个订单能不能今天发": "greet"}
    report = evaluate(lambda text: wrong.get(text, dict(gold)[text]), gold)
    assert report.by_style == {
        "short (< 8 chars)": StyleScore(2, 1.0),
        "long (> 36 chars)": StyleScore(1, 1.0),
        "with artefacts": StyleScore(1, 1.0),
        "without artefacts": StyleScore(3, 2 / 3),
        "several bubbles": StyleScore(1, 0.0),
        "traditional": StyleScore(1, 1.0),
    }
    assert "| several bubbles | 1 | 0.0% |" in markdown_report("real", report)


def test_overlapping_texts_finds_dev_messages_in_any_spelling():
    training = [("還有貨嗎", "stock_availability"), ("太贵了", "price_objection")]
    dev = [("还有货吗", "stock_availability"), ("能便宜点吗", "price_objection")]
    assert overlapping_texts(training, dev) == ["还有货吗"]
