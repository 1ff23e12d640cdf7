"""How to install or use a product ("怎么安装", "说明书在哪", "装不上"): the shop's own usage line
when its file has one, otherwise an offer to walk the buyer through it (which product, which step,
a photo) — never steps nobody wrote down. Installation visits ("能上门装吗") are answered from the
shop's installation line, else checked."""

from __future__ import annotations

from bot.tactics.context import Context
from bot.tactics.defect_help import photo_sent
from bot.types import Draft

HOW_WORDS = (
    "怎么用",
    "怎么使用",
    "如何使用",
    "咋用",
    "怎么安装",
    "怎么装",
    "如何安装",
    "安装方法",
    "怎么组装",
    "说明书",
    "使用说明",
    "使用方法",
    "用法",
    "怎么连",
    "怎么配对",
    "怎么操作",
    "怎么调",
    "怎么设置",
    "教程",
)
# The buyer tried and is stuck: where they are stuck matters more than the manual.
STUCK_WORDS = (
    "装不上",
    "装不进",
    "装不了",
    "安装不上",
    "连不上",
    "配对不上",
    "不会装",
    "不会用",
    "弄不好",
    "弄不了",
    "不知道怎么用",
    "不知道怎么装",
)
MANUAL_WORDS = ("说明书", "使用说明")
VISIT_WORDS = (
    "上门装",
    "上门安装",
    "包安装",
    "安装吗",
    "安装费",
    "装机",
    "安装师傅",
    "自己装",
    "送装",
)
# "优惠券怎么用", "花呗怎么用", "怎么调价": a question about paying, not about the product
NOT_PRODUCT_WORDS = ("券", "优惠", "花呗", "白条", "积分", "红包", "价", "发票", "地址")
# how many characters before a usage word may name what it is about ("花呗分期怎么用")
NEAR = 4


def asks(ctx: Context) -> bool:
    """A question about installing or using what the buyer bought or looks at."""
    text = ctx.understanding.text
    return any(_about_product(text, word) for word in (*HOW_WORDS, *STUCK_WORDS, *VISIT_WORDS))


def _about_product(text: str, word: str) -> bool:
    """The usage words are not next to a payment word ("优惠券怎么用", "怎么调价"); a payment
    word in another bubble ("台灯怎么调亮度 能开发票吗") does not count."""
    start = text.find(word)
    while start != -1:
        near = text[max(0, start - NEAR) : start] + text[start + len(word) : start + len(word) + 2]
        if not any(other in near for other in NOT_PRODUCT_WORDS):
            return True
        start = text.find(word, start + 1)
    return False


def stuck(ctx: Context) -> bool:
    return ctx.mentions(*STUCK_WORDS)


def propose(ctx: Context) -> list[Draft]:
    if ctx.mentions(*VISIT_WORDS):
        return [_visit(ctx)]
    product = ctx.product
    if product is None:
        return [_draft(ctx, "usage_help.which", {}, auto_send_safe=False)]
    facts = {"product": product.name}
    if product.usage is None:
        key = "usage_help.manual" if ctx.mentions(*MANUAL_WORDS) else "usage_help.ask"
        return [_draft(ctx, key, facts, auto_send_safe=False)]
    facts |= {"usage": product.usage}
    if not stuck(ctx):
        return [_draft(ctx, "usage_help.usage", facts, auto_send_safe=True)]
    # stuck and the picture already sent: the agent looks at it, no second ask
    key = "usage_help.stuck_seen" if photo_sent(ctx) else "usage_help.stuck"
    return [_draft(ctx, key, facts, auto_send_safe=False)]


def _visit(ctx: Context) -> Draft:
    installation = ctx.shop.service.installation
    if installation is None:
        return _draft(ctx, "usage_help.visit_check", {"installation": None}, auto_send_safe=False)
    return _draft(ctx, "usage_help.visit", {"installation": installation}, auto_send_safe=True)


def _draft(ctx: Context, key: str, facts: dict, *, auto_send_safe: bool) -> Draft:
    return ctx.draft("usage_help", key, facts, needs_approval=False, auto_send_safe=auto_send_safe)
