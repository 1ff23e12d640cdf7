"""What to send while nobody is on duty: the best draft when it is safe to say unattended, else
the holding message, and never a second holding message for the same wait.

Decision rule (shop closed at the moment of the decision):
- auto reply: the message is not a fallback, its top intent is in `unattended.allowed_intents`,
  its confidence is at or above `unattended.confidence_threshold`, and the best draft is
  `auto_send_safe`, needs no approval and comes from a tactic that grants or promises nothing an
  agent has to decide or do (UNATTENDED_UNSAFE);
- otherwise the holding (away) message;
- burst rule: the away message is sent once per conversation and closed period (the period is
  named by the moment the shop reopens); a later message that would get it again gets nothing
  ("held") until an agent marks the conversation's follow-up done or the next closed period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot.drafting import build_context
from bot.hours import is_open, next_opening
from bot.shop.model import Shop
from bot.tactics import away
from bot.types import Draft, Understanding

SUGGEST, AUTO_REPLY, AWAY, HELD = "suggest", "auto_reply", "away", "held"

# Drafts that grant something at an agent's discretion (gift, price match, refund remedies) or
# promise that an agent acts right now (checks a parcel, hands over, changes an address; a
# greeting says "客服在线"): wrong to send when nobody is there, whatever a template's own flag
# says. A closed shop greets with the away message, which says when agents are back.
UNATTENDED_UNSAFE = frozenset(
    {"gift", "price_match", "refund_remedy", "handoff", "logistics", "refund_status"}
    | {"address_confirm", "defect_help", "greeting"}
)


@dataclass(frozen=True)
class Decision:
    """`reply` is what goes to the buyer (None while open or when held); `reason` is the
    sentence logged with it; `reopens_at` names the closed period."""

    mode: str
    reason_code: str
    reason: str
    reply: Draft | None = None
    reopens_at: datetime | None = None

    @property
    def auto_sent(self) -> bool:
        return self.reply is not None


def decide(
    understanding: Understanding, drafts: Sequence[Draft], shop: Shop, now: datetime, seed: str
) -> Decision:
    if is_open(shop.hours, now):
        return Decision(SUGGEST, "open", "the shop is open: drafts go to the agent")
    reopens_at = next_opening(shop.hours, now)
    refusal = refusal_reason(understanding, drafts, shop)
    if refusal is None:
        return Decision(
            AUTO_REPLY, "allowed", _allowed(understanding, drafts[0], shop), drafts[0], reopens_at
        )
    code, reason = refusal
    ctx = build_context(understanding, shop, now, seed=seed)
    return Decision(AWAY, code, reason, away.holding(ctx, reopens_at), reopens_at)


def refusal_reason(
    understanding: Understanding, drafts: Sequence[Draft], shop: Shop
) -> tuple[str, str] | None:
    """Why the best draft may not go out unattended, or None when it may."""
    limits = shop.unattended
    intent, confidence = understanding.intent, understanding.confidence
    if understanding.fallback:
        return "fallback", f"closed; the model is unsure of the message ({confidence:.2f})"
    if intent not in limits.allowed_intents:
        return "intent_not_allowed", f"closed; intent {intent} is not answered unattended"
    if confidence < limits.confidence_threshold:
        return "low_confidence", (
            f"closed; confidence {confidence:.2f} of {intent} is below "
            f"the unattended threshold {limits.confidence_threshold:.2f}"
        )
    if not drafts:
        return "no_draft", "closed; no draft to send"
    best = drafts[0]
    if not best.auto_send_safe or best.needs_approval or best.tactic in UNATTENDED_UNSAFE:
        return "draft_not_safe", f"closed; the {best.tactic} draft is not safe to send unattended"
    return None


def _allowed(understanding: Understanding, best: Draft, shop: Shop) -> str:
    return (
        f"closed; intent {understanding.intent} is allowed unattended, confidence "
        f"{understanding.confidence:.2f} >= {shop.unattended.confidence_threshold:.2f}, "
        f"and the {best.tactic} draft is auto-send safe"
    )


def hold_repeat(decision: Decision, away_already_sent: bool) -> Decision:
    """The burst rule: one holding message per conversation and closed period."""
    if decision.mode != AWAY or not away_already_sent:
        return decision
    reason = "closed; the holding message was already sent in this conversation for this wait"
    return replace(decision, mode=HELD, reason_code="away_already_sent", reason=reason, reply=None)
