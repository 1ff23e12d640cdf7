"""Shared builders for the tactic, drafting and action tests: real shop files, a pinned clock."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.drafting import build_context
from bot.shop import load_shops
from bot.tactics import Context
from bot.types import Entity, IntentScore, SentReply, Turn, Understanding

ROOT = Path(__file__).resolve().parent.parent
# The demo shops' relative dates (`today+10`) counted from the day most tests' clocks are set on
DEMO_DAY = date(2026, 7, 15)
SHOPS = load_shops(ROOT / "data" / "shops", today=DEMO_DAY)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(moment: str) -> datetime:
    """ "2026-07-15 15:30" in the shops' timezone (a Wednesday)."""
    return datetime.fromisoformat(moment).replace(tzinfo=SHANGHAI)


def understand(
    intent: str, text: str = "", confidence: float = 0.93, fallback: bool = False, **entities
) -> Understanding:
    return Understanding(
        text=text,
        intent_ranking=(IntentScore(intent, confidence),),
        entities=tuple(Entity(name, value, str(value), 0, 0) for name, value in entities.items()),
        fallback=fallback,
    )


def context(
    shop_id: str,
    intent: str = "price_objection",
    text: str = "",
    when: str = "2026-07-15 15:30",
    order_value: float | None = None,
    **entities,
) -> Context:
    return build_context(
        understand(intent, text, **entities),
        SHOPS[shop_id],
        at(when),
        order_value=order_value,
        seed="c1",
    )


def sent(*tactics: str) -> tuple[Turn, ...]:
    """A conversation so far in which the agent sent one draft of each tactic, in order."""
    return tuple(Turn(f"buyer message {n}", (SentReply(t, "…"),)) for n, t in enumerate(tactics))
