"""Regular patterns for the numeric and time entities of the spec, each with its value normaliser.

Patterns run on normalised text (simplified, half-width). Order matters: earlier patterns win
when two matches overlap (an order number is not an amount, 90斤 is a weight, not a quantity).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from bot.nlu.numbers import CHINESE_NUMERAL_CHARS, parse_number, tidy_number
from bot.types import EntityValue

_NUM = rf"(?:\d+(?:\.\d+)?|[{CHINESE_NUMERAL_CHARS}]+)"
_CN = f"[{CHINESE_NUMERAL_CHARS}]"
JIN_PER_KG = 2
# Buyers often give weight without a unit; from this figure up they mean 斤 (a 2-year-old weighs
# ~12 kg, an adult "体重110" means 110斤 = 55 kg).
UNITLESS_WEIGHT_JIN_FROM = 80

COMPETITOR_WORDS = (
    "别家|别人家|别的店|其他店|其他家|另一家|另外一家|隔壁|人家|同行|友商|京东|淘宝|天猫|拼多多|pdd|"
    "抖音|快手|官网|专柜|自营|实体店|旗舰店|商场|线下|直播间|唯品会|苏宁|闲鱼|外面"
)


@dataclass(frozen=True)
class EntityPattern:
    label: str
    regex: re.Pattern[str]
    value: Callable[[re.Match[str]], EntityValue | None]
    group: str = "value"


def _number(match: re.Match[str], group: str = "value") -> EntityValue | None:
    parsed = parse_number(match.group(group))
    return tidy_number(parsed) if parsed is not None else None


def _weight_kg(match: re.Match[str]) -> EntityValue | None:
    amount = parse_number(match.group("value"))
    if amount is None:
        return None
    unit = (match.group("unit") or "").lower()
    in_jin = unit == "斤" or (not unit and amount >= UNITLESS_WEIGHT_JIN_FROM)
    return tidy_number(amount / JIN_PER_KG if in_jin else amount)


def _height_cm(match: re.Match[str]) -> EntityValue | None:
    if match.group("metres"):
        return tidy_number(float(match.group("metres")) * 100)
    if match.group("m") is not None:
        centimetres = match.group("cm") or "0"
        return int(match.group("m")) * 100 + int(centimetres.ljust(2, "0"))
    return _number(match)


def _age_years(match: re.Match[str]) -> EntityValue | None:
    amount = parse_number(match.group("value"))
    if amount is None:
        return None
    months = match.group("unit").endswith("月")
    return tidy_number(amount / 12 if months else amount) + (0.5 if match.group("half") else 0)


def _size(match: re.Match[str]) -> EntityValue | None:
    return match.group("value").upper()


def _text(match: re.Match[str]) -> EntityValue | None:
    return match.group("value")


def _quantity(match: re.Match[str]) -> EntityValue | None:
    parsed = parse_number(match.group("value"))
    return int(parsed) if parsed is not None and parsed >= 1 else None


_DAY = (
    r"(?:大后天|后天|明天|今天|今晚|明早|明晚|昨天|前天|月底|月初|年前|节前|双11|双十一|双12|618"
    r"|(?:本周|这周|下周)[一二三四五六日天末]?|周[一二三四五六日天末]|(?:星期|礼拜)[一二三四五六日天]"
    r"|\d{1,2}月\d{1,2}[日号]|\d{1,2}号)"
)
_PART = r"(?:上午|下午|晚上|中午|早上|傍晚|凌晨|白天)"
_HOUR = (
    rf"(?:(?:\d{{1,2}}|{_CN}{{1,3}})(?:点|:\d{{2}})(?:半|\d{{1,2}}分?)?"
    r"(?:前|之前|以前|后|之后|左右)?)"
)

PATTERNS: tuple[EntityPattern, ...] = (
    EntityPattern(
        "order_id",
        re.compile(r"(?:订单(?:号|编号)?|单号)?[:： ]*(?P<value>\d{10,24})"),
        _text,
    ),
    EntityPattern(
        "height_cm",
        re.compile(
            r"(?:身高|高)\s*(?:(?P<metres>[12]\.\d{1,2})\s*(?:米|m)?|(?P<value>\d{2,3})(?:\s*(?:cm|厘米|公分))?)"
            r"|(?P<m>1)米(?P<cm>\d{1,2})?(?!\d)"
            # a bare "90cm" is a height, not "脚长14cm", "腰围70cm", "衣长65cm" (a length, a girth)
            r"|(?<![\d.长宽厚围深径])(?P<value2>\d{2,3})\s*(?:cm|厘米|公分)",
            re.IGNORECASE,
        ),
        lambda m: _height_cm(m) if m.group("value2") is None else _number(m, "value2"),
    ),
    EntityPattern(
        "weight_kg",
        re.compile(
            rf"(?:(?:体重|重)\s*(?P<value>{_NUM})\s*(?P<unit>斤|kg|公斤|千克)?)"
            rf"|(?P<value3>{_NUM})\s*(?P<unit3>斤|kg|公斤|千克)",
            re.IGNORECASE,
        ),
        lambda m: _weight_kg(m) if m.group("value") is not None else _weight_kg_alt(m),
    ),
    EntityPattern(
        "age",
        re.compile(
            rf"(?P<value>\d{{1,2}}|{_CN}{{1,3}})\s*(?P<unit>周岁|岁|个月|个多月)(?P<half>半)?"
        ),
        _age_years,
    ),
    EntityPattern(
        "size",
        re.compile(
            r"(?<![A-Za-z])(?P<value>[2-5]XL|X{0,3}L|X{0,2}S|M)(?![A-Za-z])(?:码|号)?"
            r"|(?P<value2>\d{2,3})\s*(?:码|号(?!前|之前|到|发|左右))"
        ),
        lambda m: (m.group("value") or m.group("value2")).upper(),
    ),
    EntityPattern(
        "competitor_price",
        re.compile(
            rf"(?:{COMPETITOR_WORDS})[^,，。!?！？;；]{{0,12}}?(?:[¥￥]\s*)?(?P<value>\d+(?:\.\d+)?[kKwW万千]?|{_CN}{{2,4}})(?:元|块钱|块|rmb)?",
            re.IGNORECASE,
        ),
        _number,
    ),
    EntityPattern(
        "amount",
        re.compile(
            rf"[¥￥]\s*(?P<value>\d+(?:\.\d+)?)"
            rf"|(?P<value2>\d+(?:\.\d+)?[kKwW万]?|{_CN}{{1,5}})\s*(?:元|块钱|块|rmb|RMB)"
            r"|(?P<value3>\d+(?:\.\d+)?[kK])(?![A-Za-z])"
            rf"|(?:便宜|少|减|优惠|降|再少|抹|卖|只要|才|价格?|贵了?|差)(?P<value4>\d{{2,6}}(?:\.\d+)?)(?:元|块钱|块)?",
        ),
        lambda m: _number(
            m, next(g for g in ("value", "value2", "value3", "value4") if m.group(g))
        ),
    ),
    EntityPattern(
        "quantity",
        re.compile(
            r"(?P<value>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:件|套|条|双|台|盒|箱|瓶|包|只|把|张|份|袋|个(?!月|人|问题|小时))"
        ),
        _quantity,
    ),
    EntityPattern(
        "date_time",
        re.compile(rf"(?P<value>{_DAY}{_PART}?{_HOUR}?|{_PART}{_HOUR}?|{_HOUR})"),
        _text,
    ),
)


def _weight_kg_alt(match: re.Match[str]) -> EntityValue | None:
    amount = parse_number(match.group("value3"))
    if amount is None:
        return None
    unit = match.group("unit3").lower()
    return tidy_number(amount / JIN_PER_KG if unit == "斤" else amount)


@dataclass(frozen=True)
class PatternMatch:
    label: str
    start: int
    end: int
    value: EntityValue


def find_pattern_matches(text: str) -> list[PatternMatch]:
    """All matches of all patterns, without overlaps: the earlier pattern in PATTERNS wins."""
    taken: list[PatternMatch] = []
    for pattern in PATTERNS:
        for match in pattern.regex.finditer(text):
            found = _to_match(pattern, match)
            if found and not any(_overlaps(found, other) for other in taken):
                taken.append(found)
    return sorted(taken, key=lambda found: found.start)


def _to_match(pattern: EntityPattern, match: re.Match[str]) -> PatternMatch | None:
    value = pattern.value(match)
    if value is None or match.end() == match.start():
        return None
    start = next((span[0] for span in _value_spans(match) if span[0] >= 0), match.start())
    return PatternMatch(pattern.label, start, match.end(), value)


def _value_spans(match: re.Match[str]) -> Iterator[tuple[int, int]]:
    """Where the value itself starts: context words before it (身高, 别家才) are not the entity."""
    for group in ("value", "value2", "value3", "value4", "metres", "m"):
        if group in match.re.groupindex:
            yield match.span(group)


def _overlaps(first: PatternMatch, second: PatternMatch) -> bool:
    return first.start < second.end and second.start < first.end
