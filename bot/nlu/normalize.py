"""Buyer-text normalisation: traditional → simplified Chinese and full-width → half-width ASCII.

Every step maps one character to one character, so entity offsets found in the normalised text are
also offsets in the buyer's original message.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

_FULL_WIDTH_FIRST, _FULL_WIDTH_LAST = 0xFF01, 0xFF5E
_FULL_TO_HALF_OFFSET = 0xFEE0
_IDEOGRAPHIC_SPACE = "\u3000"


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_half_width(text: str) -> str:
    """１２０元 → 120元, ＸＬ → XL, ，→ ,; ideographic punctuation (。【】) is kept."""
    return "".join(_half_width_char(char) for char in text)


def _half_width_char(char: str) -> str:
    if char == _IDEOGRAPHIC_SPACE:
        return " "
    if _FULL_WIDTH_FIRST <= ord(char) <= _FULL_WIDTH_LAST:
        return chr(ord(char) - _FULL_TO_HALF_OFFSET)
    return char


def to_simplified(text: str) -> str:
    """OpenCC's phrase tables can change a word's length; fall back to character by character then,
    so offsets stay aligned with the original message."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_single_char_simplified(char) for char in text)


def _single_char_simplified(char: str) -> str:
    converted = _converter().convert(char)
    return converted if len(converted) == 1 else char


def normalize_text(text: str) -> str:
    return to_simplified(to_half_width(text))


# Platform artefacts → one stable word each, for the classifier and the sentence encoder only (the
# entity extractor reads the buyer's text). Anonymised placeholders and the real digits, links and
# cards they stand for become the same word, so a model trained on real digits reads anonymised
# traffic alike, and "has a number" is one feature instead of thousands.
ORDER, LINK, PHONE, ADDRESS, NAME = "订单号", "链接", "电话号码", "地址", "姓名"
DATE, TIME, AMOUNT, NUMBER, EMOJI, MEDIA = "日期", "时间", "金额", "数字", "表情", "图片"

_PLACEHOLDER_WORDS = {
    "订单": ORDER, "订单号": ORDER, "订单编号": ORDER, "单号": ORDER, "订单卡片": ORDER,
    "链接": LINK, "商品链接": LINK, "商品卡片": LINK, "淘宝商品": LINK, "卡片消息": LINK,
    "url": LINK, "电话": PHONE, "手机": PHONE, "phone": PHONE, "地址": ADDRESS, "姓名": NAME,
    "名字": NAME, "name": NAME, "日期": DATE, "date": DATE, "时间": TIME, "time": TIME,
    "金额": AMOUNT, "价格": AMOUNT, "money": AMOUNT, "数字": NUMBER, "num": NUMBER,
    "number": NUMBER, "图片": MEDIA, "相片": MEDIA, "照片": MEDIA, "视频": MEDIA, "语音": MEDIA,
    "语音消息": MEDIA, "文件": MEDIA, "贴图": MEDIA, "位置": MEDIA, "动画表情": EMOJI,
}  # fmt: skip

_PLACEHOLDER_VALUE = r"(?:\[[^\[\]]{1,12}\]|<[a-z_]+>)"
_CARD_FIELDS = re.compile(
    rf"\[订单(?:编号|号)?:[^\]]*\]"
    rf"|(?:咨询)?订单(?:编号|号)\s*:\s*(?:{_PLACEHOLDER_VALUE}|[A-Za-z0-9-]+)"
    rf"|订单金额\s*:\s*(?:{_PLACEHOLDER_VALUE}|¥?\s*[\d.,]+元?)"
    rf"|(?:下单|付款|支付)时间\s*:\s*(?:{_PLACEHOLDER_VALUE}|[\d/.-]+)"
    rf"(?:\s*(?:{_PLACEHOLDER_VALUE}|\d{{1,2}}:\d{{2}}(?::\d{{2}})?))?"
)
_URL = re.compile(
    r"(?:https?://|www\.)[\w\-./?=&%#:~+]+|[\w-]+\.(?:com|cn|net)(?:/[\w\-./?=&%#~+]*)?"
)
_BRACKETED = re.compile(r"\[([^\[\]\s]{1,12}?)[0-9xX]*\]|<([a-z_]+)>")
_PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8})(?!\d)")
_LONG_ID = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{0,4}\d{8,}(?![0-9])")
_DATE = re.compile(r"(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)")
_CLOCK_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
_AMOUNT = re.compile(r"¥\s*\d+(?:\.\d+)?|(?<![\d.])\d+(?:\.\d+)?\s*(?:元|块钱|块)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_EMOJI_CODE = re.compile(r"#E-[a-z]\d+")
_REPEATED_WORD = re.compile(rf"({ORDER}|{LINK}|{EMOJI}|{MEDIA})(?:\s*\1)+")
_EMOJI_WORD = re.compile(rf"\s*{EMOJI}\s*")
# Chat spellings of real traffic (spec/real-messages.md) → the word a model learns from most
# examples. 卷 only where it stands for 券 (卷纸, 卷发 stay); 滴 not in 滴滴, 一滴, 滴水; 在 for 再
# only before the words of putting a purchase off (我在想想 → 我再想想).
_CHAT_SPELLINGS = (
    (re.compile(r"木有"), "没有"), (re.compile(r"肿么"), "怎么"), (re.compile(r"神马"), "什么"),
    (re.compile(r"(优惠|店铺|代金|购物|消费|满减|红包|平台|plus|有|领|用|张)卷"), r"\1券"),
    (re.compile(r"(?<![滴一])滴(?![滴水油答管])"), "的"),
    (re.compile(r"在(?=想想|考虑|等等|决定|康康|商量|说吧|说$|来买|来拍)"), "再"),
    (re.compile(r"(?<![A-Za-z])kd(?![A-Za-z])", re.IGNORECASE), "快递"),
    (re.compile(r"(?<![A-Za-z])kf(?![A-Za-z])", re.IGNORECASE), "客服"),
)  # fmt: skip
_SPACES = re.compile(r"\s+")


def mask_artefacts(text: str) -> str:
    """`咨询订单号:[订单1] 订单金额:[金额1] 在吗` → `订单号 在吗`; `别家才3800` → `别家才数字`;
    chat spellings → words (`肿么木有优惠卷` → `怎么没有优惠券`); emoji beside words dropped.

    Expects normalised text (`normalize_text`); the result is for features only, offsets change.
    """
    text = _CARD_FIELDS.sub(f" {ORDER} ", text.replace("￥", "¥"))
    text = _URL.sub(f" {LINK} ", text)
    text = _BRACKETED.sub(_placeholder_word, text)
    for pattern, word in (
        (_EMOJI_CODE, f" {EMOJI} "), (_PHONE, PHONE), (_LONG_ID, ORDER), (_DATE, DATE),
        (_CLOCK_TIME, TIME), (_AMOUNT, AMOUNT), (_NUMBER, NUMBER),
    ):  # fmt: skip
        text = pattern.sub(word, text)
    text = _REPEATED_WORD.sub(r"\1", text)
    for pattern, word in _CHAT_SPELLINGS:
        text = pattern.sub(word, text)
    return _SPACES.sub(" ", _without_emoji_beside_words(text)).strip()


def _without_emoji_beside_words(text: str) -> str:
    """An emoji beside words asks for nothing (`白条怎么开通#E-s12` is `白条怎么开通`); an emoji
    alone is kept, it is all there is to read."""
    stripped = _EMOJI_WORD.sub(" ", text).strip()
    return stripped if _has_words(stripped) else text


_ARTEFACT_PATTERNS = (_CARD_FIELDS, _URL, _BRACKETED, _PHONE, _LONG_ID, _DATE, _EMOJI_CODE)
_BUBBLE_GAP = re.compile(r"\s+")


def has_artefacts(text: str) -> bool:
    """An order card, link, placeholder, emoji code, phone or order number (plain numbers such
    as 165 or 99元 are words of the message, not artefacts)."""
    normalized = normalize_text(text)
    return any(pattern.search(normalized) for pattern in _ARTEFACT_PATTERNS)


def bubbles(text: str) -> list[str]:
    """The chat bubbles a message was joined from: parts separated by spaces, each with Chinese
    words of its own. Parts without (`165 110斤`, `iPhone 15`, an order card's fields, `[订单1]`)
    stay with their neighbour."""
    merged: list[str] = []
    for part in _BUBBLE_GAP.split(text.strip()):
        if merged and not (_has_words(part) and _has_words(merged[-1])):
            merged[-1] = f"{merged[-1]} {part}"
        elif part:
            merged.append(part)
    return merged


def has_nothing_to_read(text: str) -> bool:
    """Only spaces, punctuation and ASCII symbols ("", "//", "?? ", "。。。"): no word, digit or
    emoji for a model to read."""
    return all(
        unicodedata.category(char)[0] in "PZ" or (char.isascii() and not char.isalnum())
        for char in text
    )


def _has_words(part: str) -> bool:
    for pattern in (_CARD_FIELDS, _BRACKETED, _EMOJI_CODE):
        part = pattern.sub("", part)
    return any("\u4e00" <= char <= "\u9fff" for char in part)


def _placeholder_word(match: re.Match[str]) -> str:
    name = (match.group(1) or match.group(2) or "").lower()
    if match.group(2) is not None:  # <num>, <url>: unknown ones are left as they are
        return _PLACEHOLDER_WORDS.get(name, match.group(0))
    return _PLACEHOLDER_WORDS.get(name, EMOJI)


def features_text(text: str) -> str:
    """What the classifier and the encoder read: normalised, artefacts masked."""
    return mask_artefacts(normalize_text(text))
