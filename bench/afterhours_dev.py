"""After-hours auto-reply on the dev set: with the demo shop closed, which share of buyer messages
gets an automatic answer (not the holding message), and how many of those have the right intent.

    .venv/bin/python bench/afterhours_dev.py [--model PATH] [--threshold 0.9] [--intents a,b]
    .venv/bin/python bench/afterhours_dev.py --explore     # per-intent figures, for tuning

Every message goes through the trained model, the in-process custom action (as /v1/messages)
and bot.afterhours.decide. Measuring on dev.tsv is allowed; training on it is not.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import os
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.afterhours import AUTO_REPLY, decide  # noqa: E402
from bot.drafting import draft_replies  # noqa: E402
from bot.hours import is_open  # noqa: E402
from bot.nlu.archives import latest_model_path  # noqa: E402
from bot.nlu.model import NluModel  # noqa: E402
from bot.nlu.understanding import understanding_from_parse  # noqa: E402
from bot.shop import Shop, load_shops  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev.tsv"
# Tuesday 03:00 in Shanghai: the demo shop is closed (and past every shipping cutoff)
CLOSED = datetime(2026, 11, 24, 3, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def read_dev(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [(row["text"], row["intent"]) for row in csv.DictReader(handle, delimiter="\t")]


def with_limits(shop: Shop, threshold: float | None, intents: str | None) -> Shop:
    limits = shop.unattended
    if threshold is not None:
        limits = dataclasses.replace(limits, confidence_threshold=threshold)
    if intents is not None:
        limits = dataclasses.replace(limits, allowed_intents=frozenset(intents.split(",")))
    return dataclasses.replace(shop, unattended=limits)


def run(model: NluModel, shop: Shop, rows: list[tuple[str, str]]) -> list[tuple]:
    """(gold intent, predicted intent, confidence, mode) per message."""
    results = []
    for index, (text, gold) in enumerate(rows):
        understanding = understanding_from_parse(model.parse(text))
        seed = f"dev-{index}"
        drafts = draft_replies(understanding, shop, CLOSED, seed=seed)
        decision = decide(understanding, drafts, shop, CLOSED, seed)
        results.append((gold, understanding.intent, understanding.confidence, decision.mode))
    return results


def report(results: list[tuple], shop: Shop) -> None:
    auto = [r for r in results if r[3] == AUTO_REPLY]
    correct = sum(gold == predicted for gold, predicted, _, _ in auto)
    limits = shop.unattended
    print(f"threshold {limits.confidence_threshold:.2f}; allowed: {sorted(limits.allowed_intents)}")
    print(f"messages: {len(results)}")
    print(f"answered automatically: {len(auto)} ({len(auto) / len(results):.1%})")
    if auto:
        print(f"correct intent among them: {correct}/{len(auto)} ({correct / len(auto):.1%})")
    print(f"modes: {dict(Counter(r[3] for r in results))}")


def explore(results: list[tuple]) -> None:
    """Per predicted intent: messages at or above each threshold and how many are right."""
    print("predicted intent: threshold -> right/total")
    for intent in sorted({r[1] for r in results}):
        cells = []
        for threshold in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95):
            hits = [r for r in results if r[1] == intent and r[2] >= threshold]
            cells.append(f"{threshold}:{sum(r[0] == intent for r in hits)}/{len(hits)}")
        print(f"  {intent:20} " + "  ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    parser.add_argument("--model", type=Path, default=None, help="model archive (default: newest)")
    parser.add_argument("--shops", type=Path, default=ROOT / "data" / "shops")
    parser.add_argument("--threshold", type=float, default=None, help="override the shop's")
    parser.add_argument("--intents", default=None, help="comma-separated allow-list override")
    parser.add_argument("--explore", action="store_true", help="per-intent table for tuning")
    parser.add_argument("--dev", type=Path, default=DEV, help="labelled TSV (text, intent columns)")
    args = parser.parse_args()
    if not args.dev.is_file():
        print(
            f"No development set at {args.dev}: pass --dev PATH (text<TAB>intent).",
            file=sys.stderr,
        )
        return 2
    model_path = args.model or latest_model_path(ROOT / "models")
    if model_path is None:
        print("No model in models/: run `make train` first.", file=sys.stderr)
        return 1
    shop = with_limits(load_shops(args.shops)["demo"], args.threshold, args.intents)
    assert not is_open(shop.hours, CLOSED), "the demo shop must be closed at the measured instant"
    print(f"model: {model_path.name}")
    results = run(NluModel.load(model_path), shop, read_dev(args.dev))
    report(results, shop)
    if args.explore:
        explore(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
