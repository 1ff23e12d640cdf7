"""The promotion gate: a candidate replaces the served model only if it is not measurably worse
on the held-out split."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from bot.evaluation import EvaluationReport

MAX_MACRO_F1_DROP = 0.01
MAX_INTENT_F1_DROP = 0.05
# float noise must not turn an exactly-at-threshold drop into a rejection
_EPSILON = 1e-9


@dataclass(frozen=True)
class GateDecision:
    promoted: bool
    reasons: tuple[str, ...]
    baseline_version: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "reasons": list(self.reasons)}


def report_summary(report: EvaluationReport) -> dict[str, Any]:
    """What a model row keeps of its evaluation: enough to gate the next candidate against it."""
    return {
        "accuracy": round(report.accuracy, 4),
        "macro_f1": round(report.macro_f1, 4),
        "size": report.size,
        "per_intent_f1": {intent: round(s.f1, 4) for intent, s in report.per_intent.items()},
    }


def decide(
    candidate: dict[str, Any], baseline: dict[str, Any] | None, baseline_version: str | None
) -> GateDecision:
    """`candidate` and `baseline` are `report_summary` dictionaries on the same held-out split."""
    if baseline is None:
        reason = f"no baseline: the served model {baseline_version} was never measured by the gate"
        return GateDecision(True, (reason,), baseline_version)
    drops = _drops(candidate, baseline)
    return GateDecision(not drops, tuple(drops) or ("no drop beyond the limits",), baseline_version)


def _drops(candidate: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    drops = []
    macro_drop = baseline["macro_f1"] - candidate["macro_f1"]
    if macro_drop > MAX_MACRO_F1_DROP + _EPSILON:
        drops.append(
            f"macro-F1 {baseline['macro_f1']:.3f} → {candidate['macro_f1']:.3f}"
            f" (drop {macro_drop * 100:.1f} points > {MAX_MACRO_F1_DROP * 100:.0f})"
        )
    for intent, before in sorted(baseline["per_intent_f1"].items()):
        after = candidate["per_intent_f1"].get(intent, 0.0)
        if before - after > MAX_INTENT_F1_DROP + _EPSILON:
            drops.append(
                f"{intent} F1 {before:.3f} → {after:.3f}"
                f" (drop {(before - after) * 100:.1f} points > {MAX_INTENT_F1_DROP * 100:.0f})"
            )
    return drops
