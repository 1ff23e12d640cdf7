"""How the buyer feels, from the message and the conversation: upset buyers (a defect, a broken
promise, a question asked again, plain anger) get an apology and someone who owns the problem
before anything else, never a cold "didn't understand" (issue 15)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.types import Turn

UPSET = re.compile(
    r"怎么回事|什么情况|搞什么|太差|差评|投诉|骗|坑人|垃圾|气死|无语|说好的|不是说|答应|到底|"
    r"人呢|还要等多久|好几天|几天了|多少天|都[一两三四五六七八九十\d]+天|[一两三四五六七八九十\d]+天(?:了|都)?没|催了|问了好几遍|问几遍|又问|没人回|急死|着急|"
    r"坏了|破了|裂了|漏气|漏水|少发|发错|不亮|没反应|开不了机|不能用|用不了|烂了|"
    r"签收.{0,6}(?:我|但|可是|却)没|没(?:收到|拿到)货?[啊呀吧]|寄丢|丢件|(?:快递|包裹)丢了|"
    r"[!！]{2,}|[?？]{2,}"
)
# A question asked again counts from this length: "好的" twice is not frustration.
REPEAT_MIN_CHARS = 4


def is_upset(text: str, history: Sequence[Turn] = ()) -> bool:
    return UPSET.search(text) is not None or asked_again(text, history)


def asked_again(text: str, history: Sequence[Turn]) -> bool:
    """The buyer sends a message they already sent in this conversation."""
    message = _plain(text)
    return len(message) >= REPEAT_MIN_CHARS and any(
        _plain(turn.message) == message for turn in history
    )


def _plain(text: str) -> str:
    return re.sub(r"[\s,，。.!！?？~～]+", "", text)
