"""Parse latency of the loaded model: one message at a time, as the API does.

    make bench            # or: .venv/bin/python bench/bench_parse.py [--model PATH] [--rounds N]

The encoder's cache of repeated messages is emptied before every parse, so the figures are those
of messages the process has not seen (add --cached to measure repeats). Prints a markdown table
for the README.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.nlu.archives import latest_model_path  # noqa: E402
from bot.nlu.encoder import shared_encoder  # noqa: E402
from bot.nlu.model import NluModel  # noqa: E402

MESSAGES = [
    "能便宜点吗", "别家才3800，你们能跟价吗", "今天下午4点前拍能发吗", "宝宝两岁穿多大",
    "我要退货", "在吗", "好的谢谢亲", "这个台灯能调色温吗", "我再考虑一下", "110码还有货吗",
    "是正品吗会不会是翻新的", "白条额度不够怎么办", "能开公司抬头的发票吗", "地址写错了帮我改下",
    "快递三天了还没动", "退款什么时候到账", "收到的泳圈漏气", "转人工", "你是机器人吗",
    "這個價格有點貴，可以便宜一點嗎", "身高165体重90斤穿M还是L", "[订单编号:4012345678123]",
    # Real-traffic shapes: several bubbles, an order card, anonymised placeholders, emoji codes.
    "你好 在吗 我那个订单能不能今天发", "人呢 快递到哪了 急用", "行 辛苦", "亲 在不在 #E-s12",
    "咨询订单号:[订单1] 订单金额:[金额1] 下单时间:[日期1] [时间1] 开机没反应",
    "前天买的今天便宜了[金额1] 能保价吗", "脚长24.5穿几码", "/",
]  # fmt: skip


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=None, help="model archive (default: newest)")
    parser.add_argument("--rounds", type=int, default=50, help="passes over the message list")
    parser.add_argument("--cached", action="store_true", help="keep the encoder's cache")
    args = parser.parse_args()
    model_path = args.model or latest_model_path(Path("models"))
    if model_path is None:
        print("no model in models/: run `make train` first", file=sys.stderr)
        return 2
    started = time.perf_counter()
    model = NluModel.load(model_path)
    load_seconds = time.perf_counter() - started
    for text in MESSAGES:
        model.parse(text)
    samples = []
    encoder = shared_encoder()
    for _ in range(args.rounds):
        for text in MESSAGES:
            if not args.cached:
                encoder.clear_cache()
            started = time.perf_counter()
            model.parse(text)
            samples.append((time.perf_counter() - started) * 1000)
    print(f"| parse ({model_path.name}, {len(samples)} calls) | value |\n|---|---|")
    print(f"| model load | {load_seconds:.1f} s |")
    print(f"| p50 | {statistics.median(samples):.2f} ms |")
    print(f"| p90 | {percentile(samples, 0.90):.2f} ms |")
    print(f"| p99 | {percentile(samples, 0.99):.2f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
