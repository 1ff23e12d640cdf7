"""Core value types shared by the NLU layer, the tactic engine, the actions and the API."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass, field
from typing import Any

EntityValue = str | int | float


@dataclass(frozen=True)
class Entity:
    """One entity found in a buyer message; `value` is normalised (90斤 → weight_kg 45)."""

    type: str
    value: EntityValue
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class IntentScore:
    name: str
    confidence: float


@dataclass(frozen=True)
class Understanding:
    """What the NLU model made of one message: ranked intents, entities, and the fallback flag."""

    text: str
    intent_ranking: tuple[IntentScore, ...]
    entities: tuple[Entity, ...] = ()
    fallback: bool = False
    # A message of several chat bubbles with a second request ("你好 快递到哪了 发票能开吗"):
    # the intent of the bubble that comes after the one the message is labelled by.
    second_intent: IntentScore | None = None

    @property
    def intent(self) -> str:
        return self.intent_ranking[0].name if self.intent_ranking else "out_of_scope"

    @property
    def confidence(self) -> float:
        return self.intent_ranking[0].confidence if self.intent_ranking else 0.0

    def entity_values(self, entity_type: str) -> list[EntityValue]:
        return [entity.value for entity in self.entities if entity.type == entity_type]

    def first_value(self, entity_type: str) -> EntityValue | None:
        values = self.entity_values(entity_type)
        return values[0] if values else None


@dataclass(frozen=True)
class Draft:
    """One suggested reply, with the shop facts it relies on so an agent can check it.

    The two flags are unsafe unless stated, by keyword: a draft needs a supervisor's approval
    and may not be sent unattended until the tactic that writes it says otherwise. A tactic that
    forgets a flag costs an agent a click, never a promise nobody approved."""

    text: str
    tactic: str
    facts: Mapping[str, Any] = field(default_factory=dict)
    _: KW_ONLY
    needs_approval: bool = True
    auto_send_safe: bool = False


@dataclass(frozen=True)
class SentReply:
    """A reply the agent sent from a draft: its tactic and the text as sent."""

    tactic: str
    text: str


@dataclass(frozen=True)
class Turn:
    """An earlier buyer message of the conversation and what the agent sent back from its
    drafts, oldest first: what drafting knows of the conversation so far."""

    message: str
    replies: tuple[SentReply, ...] = ()
