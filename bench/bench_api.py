"""Benchmark the agent API as agents use it: a real uvicorn on loopback with the demo shop.

Measures start-up to ready, /v1/suggest latency at a fixed 50 requests/s, the sustained maximum
rate with its p99, and the server's peak memory; prints a markdown table for the README.
Quiet by default: one line per step; the server's output (one JSON line per request) goes to a
log file in the temporary folder, or to this terminal with --verbose.

    .venv/bin/python bench/bench_api.py [--model models/x.tar.gz] [--seconds 20] [--workers 2]
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

PROJECT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_DIR))

from bot.nlu.archives import latest_model_path  # noqa: E402

MESSAGES = (
    "能便宜点吗",
    "太贵了，再少点吧",
    "别家才79，你们怎么89",
    "有券吗",
    "今天能发吗",
    "几天能到上海",
    "发什么快递",
    "宝宝两岁穿多大",
    "身高105体重18kg选哪个码",
    "会不会太紧",
    "我要退货",
    "不想要了，帮我取消订单",
    "在吗",
    "好的谢谢",
    "是纯棉的吗",
    "我再考虑一下",
    "还有货吗",
    "120码什么时候补货",
    "是正品吗",
    "花呗能分期吗",
    "能开发票吗",
    "地址写错了，帮我改一下",
    "快递到哪了",
    "退款什么时候到账",
    "收到的泳衣是破的",
    "转人工",
    "你是机器人吗",
    "買兩件能便宜點嗎",
)
# generous: on a machine shared with other jobs, importing Rasa alone can take a minute
READY_TIMEOUT_S = 180


@dataclass
class Phase:
    latencies_ms: list[float]
    errors: int
    seconds: float

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    @property
    def rate(self) -> float:
        return len(self.latencies_ms) / self.seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(
    model: Path, workdir: Path, port: int, workers: int, output
) -> tuple[subprocess.Popen, float]:
    env = {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "PYTHONWARNINGS": "ignore",
        "HUASHU_MODEL_PATH": str(model),
        "HUASHU_DB_PATH": str(workdir / "bench.db"),
        "HUASHU_DEMO_KEY_PATH": str(workdir / "demo.key"),
        "HUASHU_PORT": str(port),
        "HUASHU_WORKERS": str(workers),
    }
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "api"],
        cwd=PROJECT_DIR,
        env=env,
        stdout=output,
        stderr=output,
        # its own process group, so that stopping it stops its workers too
        start_new_session=True,
    )
    return server, started


def wait_ready(server: subprocess.Popen, base: str, started: float, log: Path | None) -> float:
    deadline = started + READY_TIMEOUT_S
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            told = log.read_text(errors="replace")[-2000:] if log else ""
            raise SystemExit(f"{told}\nthe server exited with code {server.returncode}")
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return time.perf_counter() - started
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"the server was not ready within {READY_TIMEOUT_S} s")


def run_phase(base: str, key: str, threads: int, seconds: float, rate: float | None) -> Phase:
    """Open loop at `rate` requests/s (latency counted from each request's scheduled time, so
    queueing shows), or closed loop as fast as `threads` clients go when `rate` is None."""
    counter = itertools.count()
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    start = time.perf_counter() + 0.2
    end = start + seconds

    def client() -> None:
        http = KeptAliveClient(base, key)
        while True:
            i = next(counter)
            due = start + i / rate if rate else time.perf_counter()
            if due >= end:
                break
            time.sleep(max(0.0, due - time.perf_counter()))
            body = {"conversation_id": f"bench-{i % 97}", "message": MESSAGES[i % len(MESSAGES)]}
            ok = http.post_json("/v1/suggest", body) == 200
            elapsed = (time.perf_counter() - due) * 1000
            with lock:
                latencies.append(elapsed)
                errors[0] += not ok
        http.close()

    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return Phase(latencies, errors[0], seconds)


class KeptAliveClient:
    """One keep-alive connection with the standard library's HTTP client. The clients share
    the server's cores: httpx spent 2.6 ms of CPU per request against 0.8 ms for this (one
    thread, `time.process_time`), CPU the server then did not have."""

    def __init__(self, base: str, key: str) -> None:
        address = urlsplit(base)
        self._connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
        self._headers = {"X-API-Key": key, "Content-Type": "application/json"}

    def post_json(self, path: str, body: dict) -> int:
        try:
            self._connection.request("POST", path, json.dumps(body).encode(), self._headers)
            response = self._connection.getresponse()
            response.read()
            return response.status
        except (OSError, http.client.HTTPException):
            self._connection.close()
            return 0

    def close(self) -> None:
        self._connection.close()


def peak_rss_mb(pid: int) -> float:
    """VmHWM (the kernel's high-water mark of resident memory) of the server and its workers."""
    return sum(_vm_hwm_mb(member) for member in [pid, *_descendants(pid)])


def _descendants(pid: int) -> list[int]:
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        children = [child for child, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def _vm_hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def table(startup: float, fixed: Phase, flat_out: Phase, rss: float, target_rate: float) -> str:
    rows = [
        ("start-up to ready", f"{startup:.1f} s", "≤ 15 s"),
        (f"p50 at {target_rate:.0f} req/s", f"{fixed.percentile(50):.1f} ms", "≤ 15 ms"),
        (f"p99 at {target_rate:.0f} req/s", f"{fixed.percentile(99):.1f} ms", "≤ 50 ms"),
        ("sustained max rate", f"{flat_out.rate:.0f} req/s", "≥ 100 req/s, a worker per core"),
        ("p99 at max rate", f"{flat_out.percentile(99):.1f} ms", "≤ 200 ms"),
        ("errors (non-200)", f"{fixed.errors + flat_out.errors}", "0"),
        ("server peak RSS", f"{rss:.0f} MB", "report"),
    ]
    lines = ["| measure | result | target |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {target} |" for name, value, target in rows]
    return "\n".join(lines)


def step(text: str) -> None:
    print(f"- {text}", file=sys.stderr, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=None, help="default: newest in models/")
    parser.add_argument("--rate", type=float, default=50.0, help="fixed-rate phase, requests/s")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each phase")
    parser.add_argument("--threads", type=int, default=4, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes")
    parser.add_argument(
        "--verbose", action="store_true", help="show the server's output (every request)"
    )
    args = parser.parse_args()
    model = args.model or latest_model_path(PROJECT_DIR / "models")
    if model is None or not Path(model).is_file():
        print("error: no trained model; run `make model` or pass --model", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="huashu-bench-") as tmp:
        workdir, port = Path(tmp), free_port()
        base = f"http://127.0.0.1:{port}"
        log = None if args.verbose else workdir / "server.log"
        output = None if log is None else log.open("w")
        step(f"starting the server ({args.workers} worker(s)) on {base}")
        server, started = start_server(Path(model).resolve(), workdir, port, args.workers, output)
        try:
            startup = wait_ready(server, base, started, log)
            step(f"ready in {startup:.1f} s; warming up for 2 s")
            key = (workdir / "demo.key").read_text().strip()
            run_phase(base, key, args.threads, 2, None)
            step(f"fixed rate: {args.rate:.0f} req/s for {args.seconds:.0f} s")
            fixed = run_phase(base, key, args.threads, args.seconds, args.rate)
            step(f"maximum rate: {args.threads} clients for {args.seconds:.0f} s")
            flat_out = run_phase(base, key, args.threads, args.seconds, None)
            rss = peak_rss_mb(server.pid)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=30)
            if output:
                output.close()
    print(
        f"model {Path(model).name}, {os.cpu_count()} CPUs, {args.workers} server workers, "
        f"{args.threads} client threads, {args.seconds:.0f} s per phase\n"
    )
    print(table(startup, fixed, flat_out, rss, args.rate))
    return 0


if __name__ == "__main__":
    sys.exit(main())
