import pytest

from bot.nlu.numbers import parse_chinese_numeral, parse_number, tidy_number


@pytest.mark.parametrize(
    "text, expected",
    [
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("两百", 200),
        ("一百五", 150),
        ("一百零五", 105),
        ("三千八", 3800),
        ("两千零五十", 2050),
        ("一两", None),
        ("三四", None),
        ("好多", None),
    ],
)
def test_parse_chinese_numeral(text, expected):
    assert parse_chinese_numeral(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("3800", 3800), ("3.8k", 3800), ("1.2w", 12000), ("2万", 20000), ("99.9", 99.9), ("五十", 50)],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


def test_tidy_number_drops_a_zero_fraction():
    assert (tidy_number(45.0), tidy_number(45.5)) == (45, 45.5)
    assert isinstance(tidy_number(45.0), int)
