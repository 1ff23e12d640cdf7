"""Seeds 002/004: a complaint about what arrived — apologise, ask for what shows the problem (a
photo, or a short video / the details when a photo cannot show it, nothing when the buyer already
sent one), explain colour difference honestly, and state the return terms the shop really offers."""

from __future__ import annotations

import re

from bot.tactics.context import Context, returns_text
from bot.types import Draft

COLOUR_WORDS = ("色差", "颜色不一样", "颜色不对", "颜色跟", "旧货")
# "我要的是蓝色 给我发了白色": the shop sent the wrong item; colour difference is no answer
WRONG_ITEM_WORDS = ("发错", "发成", "给我发了", "我要的是", "不是我买的", "不是我要的", "发的不对")


# "收到少了一个泳帽", "漏发了配件": what is missing, not a photo of a "problem part"
MISSING_WORDS = ("少了", "少发", "漏发", "缺了", "少一个", "少一件", "少个", "没有配", "没发全")

# "图片发你了", "[图片]" (the chat window's placeholder for a sent picture), "看图": the picture is
# already with the agent; asking for it again tells the buyer nobody looked.
PHOTO_SENT = re.compile(
    r"\[(?:图片|视频|图|image|img)\]|(?:图片?|照片|视频)(?:已经|都)?(?:发|传)(?:给)?(?:你|您)?(?:了|过了|过去了)"
    r"|(?:图片?|照片|视频)已经?(?:发|传)|(?:发|传|拍)(?:了|过)(?:图|照片|视频)"
    r"|看(?:下|一下)?(?:图|照片|视频)|我发的(?:图|照片|视频)|如图|见图"
)
# Faults a photo cannot show: sound, power, a device that will not start or connect.
NOT_VISIBLE_WORDS = (
    "没声音",
    "没有声音",
    "声音小",
    "杂音",
    "噪音",
    "异响",
    "声音很大",
    "声音特别大",
    "声音好大",
    "嗡嗡响",
    "咣咣响",
    "电流声",
    "充不进",
    "充不了",
    "充不上",
    "不充电",
    "没电",
    "掉电",
    "开不了机",
    "开不开机",
    "开机没反应",
    "没反应",
    "不亮",
    "不加热",
    "不制热",
    "不制冷",
    "不转",
    "不工作",
    "连不上",
    "断连",
    "死机",
    "自动关机",
    "失灵",
)
SMELL_WORDS = ("味道", "异味", "有股味", "臭", "刺鼻")


def propose(ctx: Context) -> list[Draft]:
    seen = photo_sent(ctx)
    if ctx.mentions(*MISSING_WORDS):
        key = "defect_help.missing_seen" if seen else "defect_help.missing"
        return [ctx.draft("defect_help", key, {}, needs_approval=False)]
    if ctx.mentions(*WRONG_ITEM_WORDS):
        facts = {"returns": returns_text(ctx.shop)}
        key = "defect_help.wrong_item_seen" if seen else "defect_help.wrong_item"
        return [ctx.draft("defect_help", key, facts, needs_approval=False)]
    if ctx.mentions(*COLOUR_WORDS):
        facts = {"returns": returns_text(ctx.shop)}
        return [ctx.draft("defect_help", "defect_help.colour", facts, needs_approval=False)]
    return [ctx.draft("defect_help", _evidence_key(ctx, seen), {}, needs_approval=False)]


def _evidence_key(ctx: Context, seen: bool) -> str:
    """What to ask for: nothing once a picture came, the details (and a short video) for a fault
    no photo shows, else a photo of the problem."""
    if seen:
        return "defect_help.photo_seen"
    if ctx.mentions(*NOT_VISIBLE_WORDS):
        return "defect_help.video"
    if ctx.mentions(*SMELL_WORDS):
        return "defect_help.describe"
    return "defect_help.photo"


def photo_sent(ctx: Context) -> bool:
    """The buyer sent a picture or video, in this message or earlier in the conversation."""
    texts = (ctx.understanding.text, *(turn.message for turn in ctx.history))
    return any(PHOTO_SENT.search(text) for text in texts)
