"""Numbers as buyers write them: 3800, 3.8k, 两百, 一百五, 三千八."""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}  # fmt: skip
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)


def parse_chinese_numeral(text: str) -> int | None:
    """一百五 is 150 (a trailing digit after 百/千 is one unit lower), 一百零五 is 105, 十五 is 15.
    Two digits in a row without a unit (一两, 三四) are a range, not a number: None."""
    if not text or any(char not in _DIGITS and char not in _UNITS for char in text):
        return None
    total, digit, last_unit, after_zero = 0, None, 1, False
    for char in text:
        if char in _DIGITS:
            if digit is not None:
                return None
            after_zero = after_zero or _DIGITS[char] == 0
            digit = _DIGITS[char] or None
            continue
        unit = _UNITS[char]
        total += (1 if digit is None else digit) * unit
        digit, last_unit, after_zero = None, unit, False
    if digit is not None:
        total += digit * (last_unit // 10 if last_unit >= 100 and not after_zero else 1)
    return total


def parse_number(text: str) -> float | None:
    """Arabic digits (with an optional k/w/千/万 multiplier) or a Chinese numeral."""
    cleaned = text.strip().lower().replace(",", "")
    multiplier = 1
    for suffix, factor in (("k", 1000), ("千", 1000), ("w", 10000), ("万", 10000)):
        if cleaned.endswith(suffix) and cleaned[:-1].replace(".", "", 1).isdigit():
            cleaned, multiplier = cleaned[:-1], factor
            break
    try:
        return float(cleaned) * multiplier
    except ValueError:
        numeral = parse_chinese_numeral(text.strip())
        return float(numeral) if numeral is not None else None


def tidy_number(value: float) -> int | float:
    """3800.0 → 3800 so values read as buyers wrote them; 45.5 stays 45.5."""
    return int(value) if float(value).is_integer() else round(value, 2)
