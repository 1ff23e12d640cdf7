"""Does the intent flip on real-traffic noise? Perturbs labelled messages one noise at a time.

    .venv/bin/python bench/perturb.py                      # the held-out split of `make evaluate`
    .venv/bin/python bench/perturb.py --dev ../shared/eval/dev.tsv [--limit 300] [--flips 5]

Trains one model exactly as `make evaluate` does (`bot.cli_models`: the same held-out split of
the real-style examples, never trained on), then applies each perturbation of
`../shared/spec/real-messages.md` to every message it fits (a typo needs its word in the message)
and prints, per perturbation, the accuracy on those messages before and after, and the intent
flips (correct before, wrong after) grouped by (perturbation, gold → predicted), largest first.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import opencc  # noqa: E402

from bot.cli_models import PROJECT_DIR, _held_out_split, _trained_parser  # noqa: E402
from bot.evaluation import read_labelled_tsv  # noqa: E402
from bot.nlu.data import read_nlu_examples  # noqa: E402
from bot.nlu.understanding import NO_REQUEST_INTENTS, understanding_from_parse  # noqa: E402
from bot.quiet import quiet_libraries  # noqa: E402

Perturbation = Callable[[str, str], str | None]  # (text, gold intent) -> perturbed or None

ORDER_CARD = "咨询订单号:[订单1] 订单金额:[金额1] 下单时间:[日期1] [时间1]"
GREETINGS = ("你好", "在吗", "亲", "亲亲")
FILLERS = ("急", "谢谢", "？？", "急急急")
EMOJI_CODES = ("#E-s12", "[微笑]", "#E-s05", "[哭]")
CHAT_ABBREVIATIONS = (
    ("快递", "kd"), ("客服", "kf"), ("宝贝", "bb"), ("京东", "jd"), ("淘宝", "tb"),
)  # fmt: skip
TRIPLED_ENDINGS = "吗呢啊呀嘛哦"
_PUNCTUATION = re.compile(r"[，。！？、,.!?~～…：:；;]")


def _pick(text: str, choices: tuple):
    """A fixed choice per message, so two runs perturb alike."""
    return choices[int(hashlib.md5(text.encode()).hexdigest(), 16) % len(choices)]


def _substitute(old: str, new: str) -> Perturbation:
    return lambda text, gold: text.replace(old, new, 1) if old in text else None


_TO_TRADITIONAL = opencc.OpenCC("s2t")


def _traditional(text: str, gold: str) -> str | None:
    converted = _TO_TRADITIONAL.convert(text)
    return converted if converted != text else None


def _full_width(text: str, gold: str) -> str | None:
    converted = "".join(
        chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else "\u3000" if char == " " else char
        for char in text
    )
    return converted if converted != text else None


# Not added to messages that ask for nothing: the added bubble could itself become the label.
def _greeting_before(text: str, gold: str) -> str | None:
    return None if gold in NO_REQUEST_INTENTS - {"greet"} else f"{_pick(text, GREETINGS)} {text}"


def _filler_after(text: str, gold: str) -> str | None:
    return None if gold in NO_REQUEST_INTENTS else f"{text} {_pick(text, FILLERS)}"


def _no_punctuation(text: str, gold: str) -> str | None:
    stripped = _PUNCTUATION.sub(" ", text).strip()
    stripped = re.sub(r"\s+", " ", stripped)
    return stripped if stripped != text and stripped else None


def _doubled(text: str, gold: str) -> str | None:
    """有货吗吗吗, 好好好: a final particle or 好的 typed again and again."""
    if text[-1:] in TRIPLED_ENDINGS:
        return text + text[-1] * 2
    return text.replace("好的", "好好好", 1) if "好的" in text else None


def _abbreviated(text: str, gold: str) -> str | None:
    for word, initials in CHAT_ABBREVIATIONS:
        if word in text:
            return text.replace(word, initials, 1)
    return None


def _english_case(text: str, gold: str) -> str | None:
    if "好的" in text:
        return text.replace("好的", _pick(text, ("OK", "ok", "Ok")), 1)
    words = re.findall(r"[A-Za-z]{2,}", text)
    if not words:
        return None
    word = words[0]
    changed = word.upper() if word != word.upper() else word.lower()
    return text.replace(word, changed, 1)


PERTURBATIONS: dict[str, Perturbation] = {
    "typo 优惠券→优惠卷": _substitute("券", "卷"),
    "homophone 再→在": _substitute("再", "在"),
    "typo 的→滴": _substitute("的", "滴"),
    "typo 没有→木有": _substitute("没有", "木有"),
    "typo 怎么→肿么": _substitute("怎么", "肿么"),
    "typo 什么→神马": _substitute("什么", "神马"),
    "traditional (s2t)": _traditional,
    "full-width ASCII": _full_width,
    "[订单1] before": lambda text, gold: f"[订单1] {text}",
    "order card before": lambda text, gold: f"{ORDER_CARD} {text}",
    "emoji code after": lambda text, gold: f"{text}{_pick(text, EMOJI_CODES)}",
    "greeting bubble before": _greeting_before,
    "filler bubble after": _filler_after,
    "punctuation removed": _no_punctuation,
    "character tripled": _doubled,
    "chat abbreviation (kd, kf)": _abbreviated,
    "English case / OK": _english_case,
}


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    quiet_libraries(verbose=args.verbose)
    examples = read_nlu_examples(args.data / "nlu")
    _, train_split, held_out = _held_out_split(args, examples)
    messages = read_labelled_tsv(args.dev) if args.dev else held_out
    messages = messages[: args.limit] if args.limit else messages
    print(f"training on {len(train_split)} examples ...", file=sys.stderr)
    parse = _trained_parser(args, train_split)

    def predict(text: str) -> str:
        return understanding_from_parse(parse(text)).intent

    print(f"perturbing {len(messages)} messages ({args.dev or 'held-out split'})\n")
    print(_report(predict, messages, args.flips))
    return 0


def _report(predict: Callable[[str], str], messages, shown_per_group: int) -> str:
    rows = [
        "| perturbation | messages | accuracy before | after | flips | fixed |",
        "|---|---|---|---|---|---|",
    ]
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for name, perturb in PERTURBATIONS.items():
        counts = Counter()
        for text, gold in messages:
            perturbed = perturb(text, gold)
            if perturbed is None:
                continue
            before, after = predict(text) == gold, predict(perturbed)
            counts.update(n=1, before=before, after=after == gold)
            if before and after != gold:
                counts["flips"] += 1
                groups[(name, gold, after)].append(f"{text} → {perturbed}")
            counts["fixed"] += not before and after == gold
        if counts["n"]:
            rows.append(
                f"| {name} | {counts['n']} | {counts['before'] / counts['n']:.1%} | "
                f"{counts['after'] / counts['n']:.1%} | {counts['flips']} | {counts['fixed']} |"
            )
    flips = _flip_lines(groups, shown_per_group)
    return "\n".join([*rows, "", "Flips by (perturbation, gold → predicted):", *flips])


def _flip_lines(groups, shown_per_group: int) -> list[str]:
    lines = []
    for (name, gold, predicted), texts in sorted(groups.items(), key=lambda item: -len(item[1])):
        lines.append(f"{len(texts):4d}  {name}: {gold} → {predicted}")
        lines += [f"        {text}" for text in texts[:shown_per_group]]
    return lines


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=PROJECT_DIR / "config.yml")
    parser.add_argument("--domain", type=Path, default=PROJECT_DIR / "domain.yml")
    parser.add_argument("--data", type=Path, default=PROJECT_DIR / "data", help="Rasa data folder")
    parser.add_argument("--held-out", type=float, default=0.2, help="as `make evaluate`")
    parser.add_argument("--dev", type=Path, help="perturb this TSV (text<TAB>intent) instead")
    parser.add_argument("--limit", type=int, default=0, help="perturb only the first N messages")
    parser.add_argument("--flips", type=int, default=3, help="examples shown per flip group")
    parser.add_argument("--verbose", action="store_true", help="show Rasa's own output")
    args = parser.parse_args(argv)
    if args.dev and not args.dev.is_file():
        parser.exit(2, f"no labelled set at {args.dev}: pass --dev PATH (text<TAB>intent)\n")
    return args


if __name__ == "__main__":
    sys.exit(main())
