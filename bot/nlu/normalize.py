"""Buyer-text normalisation: traditional → simplified Chinese and full-width → half-width ASCII.

Every step maps one character to one character, so entity offsets found in the normalised text are
also offsets in the buyer's original message.
"""

from __future__ import annotations

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
