"""Which courier and how many days to the buyer's region, from the shop's delivery table. A
question about the courier ("走什么快递", "能发顺丰吗") is answered with the shop's carriers; a
courier the shop does not list is never promised, the agent checks with the warehouse."""

from __future__ import annotations

import re

from bot.tactics.context import Context
from bot.tactics.week import days_text
from bot.types import Draft

COURIERS = (
    "顺丰",
    "京东物流",
    "京东快递",
    "京东",
    "中通",
    "圆通",
    "韵达",
    "申通",
    "邮政",
    "EMS",
    "极兔",
    "德邦",
    "百世",
    "菜鸟",
)
# 京东 alone is a courier only when not 京东支付, 京东白条, 京东自营…
_NAMED = "|".join(COURIERS).replace("京东|", "京东(?!支付|白条|自营|plus|会员|价|客服|金融)|")
# "走什么快递", "发啥物流", "快递是哪家", "能发顺丰吗", "走京东物流吗" (not "顺丰到哪了")
CARRIER_QUESTION = re.compile(
    rf"(?:什么|啥|哪个|哪家|哪种|哪一家)(?:快递|物流)|(?:快递|物流)(?:是|用|走)(?:哪|什么|啥)|"
    rf"走(?:的)?(?:什么|啥|哪个|哪家)|"
    rf"(?:能|可以|能不能|可不可以|是不是|是|走|发|默认|指定)(?:发|走|用)?(?:{_NAMED})|"
    rf"(?:{_NAMED})(?:快递|物流)?(?:吗|嘛|么|可以|行不|能到|发不发)",
    re.IGNORECASE,
)
DAYS_QUESTION = re.compile(
    r"几天|多久|多长时间|几号能?到|哪天到|什么时候(?:能)?到|"
    r"(?:明天|后天|周[一二三四五六日末天]|星期.|这周|下周)(?:能|可以|就能)?(?:到|送到|收到)"
)
# "周日发货吗", "周末也发吗", "放假发不发": the days the shop ships on
SHIP_DAY_QUESTION = re.compile(
    r"(?:周[六日天末]|星期[六日天]|礼拜[六日天]|节假日|假期|放假|过节)(?:也|还)?"
    r"(?:能|会|可以|正常|照常)?(?:发|出库|揽收)"
)


def asks_carrier(ctx: Context) -> bool:
    return CARRIER_QUESTION.search(ctx.understanding.text) is not None


def asks_ship_days(ctx: Context) -> bool:
    return SHIP_DAY_QUESTION.search(ctx.understanding.text) is not None


def asks_days(ctx: Context) -> bool:
    """How long delivery takes, or delivery to a place the shop's table names."""
    return DAYS_QUESTION.search(ctx.understanding.text) is not None or _region(ctx)[0] is not None


def propose(ctx: Context) -> list[Draft]:
    shipping = ctx.shop.shipping
    facts = {"carriers": shipping.carriers, "fulfilment": shipping.fulfilment}
    place, region = _region(ctx)
    if region is not None:
        facts |= {"place": place, "region": region.region, "days": region.days}
    else:
        facts |= {"days": shipping.default_delivery_days}
    if asks_carrier(ctx):
        return [_carrier_answer(ctx, facts)]
    if asks_ship_days(ctx):
        off = frozenset(range(7)) - shipping.ship_days
        facts |= {"ship_days": days_text(shipping.ship_days)}
        if not off:
            return [_draft(ctx, "delivery_estimate.every_day", facts)]
        return [_draft(ctx, "delivery_estimate.ship_days", facts | {"off_days": days_text(off)})]
    key = "delivery_estimate.region" if region is not None else "delivery_estimate.default"
    return [_draft(ctx, key, facts)]


def _carrier_answer(ctx: Context, facts: dict) -> Draft:
    text = ctx.understanding.text
    mentioned = [name for name in COURIERS if name in text]
    # "能发中通吗 京东快递太慢": the courier asked for is the first one named
    named = min(mentioned, key=text.find) if mentioned else None
    if named is None or _choice_between(text, mentioned):
        # "发顺丰还是中通": a choice, answered with the shop's couriers, never "是的"
        return _draft(ctx, "delivery_estimate.carriers", facts)
    listed = [
        carrier for carrier in ctx.shop.shipping.carriers if named in carrier or carrier in named
    ]
    if listed:
        return _draft(ctx, "delivery_estimate.carrier_yes", facts | {"carrier": listed[0]})
    # a courier the shop does not name: the agent asks the warehouse, nothing is promised
    return ctx.draft(
        "delivery_estimate", "delivery_estimate.carrier_other", facts | {"carrier": named}
    )


def _region(ctx: Context) -> tuple:
    for region in ctx.shop.shipping.delivery:
        place = next((place for place in region.places if ctx.mentions(place)), None)
        if place:
            return place, region
    return None, None


def _draft(ctx: Context, key: str, facts: dict) -> Draft:
    return ctx.draft("delivery_estimate", key, facts, needs_approval=False, auto_send_safe=True)


def _choice_between(text: str, mentioned: list[str]) -> bool:
    return len(mentioned) > 1 and "还是" in text
