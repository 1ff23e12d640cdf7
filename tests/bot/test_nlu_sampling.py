import pytest

from bot.nlu.sampling import texts_to_embed

# MD5 order of the price texts: 别家才数字 (3115…) < 能便宜点吗 (9b0a…) < 再少点 (b988…);
# of the greetings: 你好 (7eca…) < 在吗 (cdb1…).
EXAMPLES = [
    ("能便宜点吗", "price_objection"),
    ("别家才数字", "price_objection"),
    ("再少点", "price_objection"),
    ("到哪了", "order_status"),
    ("好的", None),
    ("能便宜点吗", "price_objection"),
]


def test_without_a_cap_every_distinct_text_in_first_order():
    expected = ["能便宜点吗", "别家才数字", "再少点", "到哪了", "好的"]
    assert texts_to_embed(EXAMPLES, None) == expected


@pytest.mark.parametrize(
    "per_intent, expected",
    [
        (1, ["别家才数字", "到哪了"]),
        (2, ["能便宜点吗", "别家才数字", "到哪了"]),
        (3, ["能便宜点吗", "别家才数字", "再少点", "到哪了"]),
        (300, ["能便宜点吗", "别家才数字", "再少点", "到哪了"]),
    ],
)
def test_a_cap_keeps_each_intents_texts_with_the_smallest_md5_in_first_order(per_intent, expected):
    assert texts_to_embed(EXAMPLES, per_intent) == expected


def test_the_sample_does_not_depend_on_the_order_of_the_examples():
    assert texts_to_embed(EXAMPLES[::-1], 2) == ["能便宜点吗", "到哪了", "别家才数字"]


def test_a_text_under_two_intents_is_kept_when_either_sample_has_it():
    examples = [("在吗", "greet"), ("你好", "greet"), ("在吗", "ask_human")]
    assert texts_to_embed(examples, 1) == ["在吗", "你好"]
