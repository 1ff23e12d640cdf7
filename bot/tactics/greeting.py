"""Seeds 002: a warm opening without small talk, straight to what the buyer needs — to a buyer
with an order, their order ("您看中哪款了" is for shoppers). A buyer who has been waiting ("人呢
人呢", "在不在啊？？") gets an apology for the wait, and their earlier question taken up, not a
welcome as if they had just arrived."""

from __future__ import annotations

import re

from bot.tactics.context import Context
from bot.tactics.week import hours_text
from bot.types import Draft

# "你们几点下班", "客服什么时候上班": the shop's own opening hours answer it
HOURS_QUESTION = re.compile(
    r"几点(?:下班|上班|有人|在线|开始|结束)|(?:上班|下班|营业|客服|在线|工作)时间|"
    r"什么时候(?:上班|有人|在线)|(?:晚上|周末|明天)(?:有人|有客服|上班)"
)


def asks_hours(ctx: Context) -> bool:
    return HOURS_QUESTION.search(ctx.understanding.text) is not None


WAITING = re.compile(
    r"人呢|人(?:都)?去哪|怎么不回|不回(?:我|复|消息|话)|回(?:个话|一下|句话)|理(?:一下)?我|"
    r"等(?:了)?(?:半天|好久|很久)|还在吗|有人没|(?:在吗|在不在|有人吗)\S*\s*\S*(?:在吗|在不在|有人吗)|"
    r"[?？]{2,}"
)


def propose(ctx: Context) -> list[Draft]:
    facts = {"shop": ctx.shop.name}
    if asks_hours(ctx):
        facts |= {"hours": hours_text(ctx.shop.hours.weekly)}
        return [
            ctx.draft(
                "greeting", "greeting.hours", facts, needs_approval=False, auto_send_safe=True
            )
        ]
    if WAITING.search(ctx.understanding.text):
        unanswered = bool(ctx.history) and not ctx.history[-1].replies
        key = "greeting.waiting_earlier" if unanswered else "greeting.waiting"
    else:
        key = "greeting.order" if ctx.stage.has_order else "greeting.hello"
    return [ctx.draft("greeting", key, facts, needs_approval=False, auto_send_safe=True)]
