"""Seeds 001: when a buyer wants to return, first ask why — most reasons have a better remedy."""

from __future__ import annotations

import re

from bot.tactics.context import Context
from bot.types import Draft

SIZE_WORDS = (
    "大了",
    "小了",
    "偏大",
    "偏小",
    "不合适",
    "尺码",
    "换个大",
    "换个小",
    "大一码",
    "小一码",
)
DEFECT_WORDS = (
    *("坏", "破", "漏", "裂", "划痕", "质量", "不能用", "用不了", "瑕疵", "开线", "色差"),
    *("不亮", "没反应", "少发", "发错", "异味", "杂音", "没声音", "充不进", "失灵", "不工作"),
)
# "拍错颜色了", "多拍了一件": the buyer's own slip, said already; no "why" question
MISTAKE_WORDS = ("拍错", "买错", "多拍", "拍多", "多买", "买多", "选错", "下错", "错拍", "重复拍")
USAGE_WORDS = ("不会用", "不好用", "怎么用", "没效果")


def stated_reason(ctx: Context) -> str | None:
    for reason, words in (
        ("size", SIZE_WORDS),
        ("defect", DEFECT_WORDS),
        ("mistake", MISTAKE_WORDS),
        ("usage", USAGE_WORDS),
    ):
        if ctx.mentions(*words):
            return reason
    # "换40码": the buyer already said what they want; asking why would ignore it
    return "size" if names_exchange_size(ctx) else None


# "换个37的", "换成110吧": a bare number right after 换 is a size (shoe 16-50, height-style
# clothing 73-200); the NLU only takes numbers written with 码/号 as sizes.
BARE_SIZE = re.compile(
    r"换(?:成|个|到|一个|一双|一件|双|件)?\s*(\d{2,3}(?:\.5)?)(?![\d.])"
    r"(?=\s*(?:码|号|的|吗|呢|吧|啊|可以|行|$|\s|[,，。!！?？~～]))"
)


def names_exchange_size(ctx: Context) -> bool:
    """The message asks for an exchange to a size it names ("换40码", "能换XXL吗", "换个37的")."""
    return ctx.mentions("换") and (
        ctx.understanding.first_value("size") is not None or bare_size(ctx) is not None
    )


def bare_size(ctx: Context) -> str | None:
    match = BARE_SIZE.search(ctx.understanding.text)
    if match is None:
        return None
    number = float(match.group(1))
    return match.group(1) if 16 <= number <= 50 or 73 <= number <= 200 else None


def wanted_size(ctx: Context) -> str | None:
    """The size the buyer wants: the one named after the last 换 ("L换XL" → XL), else the last
    one named; never the size they are giving back."""
    sizes = [str(value) for value in ctx.understanding.entity_values("size")]
    if not sizes:
        return bare_size(ctx) or ctx.text_value("size")
    text = ctx.understanding.text.upper()
    after = text[text.rfind("换") + 1 :] if "换" in text else ""
    named_after = [size for size in sizes if size in after]
    if not named_after:
        return sizes[-1]
    # the first named after 换; "XL" holds "L", so the longer one wins at the same place
    return min(named_after, key=lambda size: (after.find(size), -len(size)))


# "退的话运费谁出": the buyer asks how returns work; the policy answers that, a "why" does not
HOW_WORDS = (
    *("运费谁出", "运费谁承担", "怎么退", "退货地址", "寄到哪", "流程", "几天内"),
    *("无理由", "能退吧", "能退吗", "可以退吗", "能不能退"),
)


def propose(ctx: Context) -> list[Draft]:
    if stated_reason(ctx) is not None or ctx.mentions(*HOW_WORDS):
        return []
    return [
        ctx.draft(
            "refund_reason", "refund_reason.ask", {}, needs_approval=False, auto_send_safe=True
        )
    ]
