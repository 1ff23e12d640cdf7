"""Two uvicorn workers on one database behave as one service: one training run at a time across
workers, one served model after a promotion and after a rollback, and a starting process leaves
another's live run alone. Real servers on a free loopback port; every wait is bounded."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import PROJECT_DIR, create_key
from tests.api.live_server import free_port
from tests.api.training_helpers import copy_data, trainer_headers

START_TIMEOUT = 240
BASE = "base"


class Server:
    def __init__(self, process: subprocess.Popen, url: str, log: Path) -> None:
        self.process, self.url, self.log = process, url, log
        self._read = 0

    def new_log_lines(self) -> list[dict]:
        """Request log lines written since the last call."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        lines, self._read = text[self._read :], len(text)
        return [json.loads(line) for line in lines.splitlines() if line.startswith('{"at"')]

    def get(self, path: str, **kwargs) -> httpx.Response:
        # a new connection per request, so the kernel hands requests to either worker
        return httpx.get(self.url + path, timeout=30, **kwargs)

    def post(self, path: str, **kwargs) -> httpx.Response:
        return httpx.post(self.url + path, timeout=30, **kwargs)


@contextlib.contextmanager
def uvicorn(env: dict[str, str], log: Path, workers: int) -> Iterator[Server]:
    port = free_port()
    command = [
        sys.executable, "-m", "uvicorn", "tests.api.worker_app:create", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--ws", "none", "--log-level", "warning",
    ]  # fmt: skip
    with log.open("w") as err:
        process = subprocess.Popen(
            command, cwd=PROJECT_DIR, env=env, stderr=err, stdout=err, start_new_session=True
        )
    server = Server(process, f"http://127.0.0.1:{port}", log)
    try:
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


def wait_for_workers(server: Server, count: int) -> None:
    """Until `count` distinct worker processes have answered (each loads its own model)."""
    pids: set[int] = set()
    deadline = time.monotonic() + START_TIMEOUT
    while len(pids) < count:
        assert time.monotonic() < deadline, f"{len(pids)} of {count} workers up:\n" + tail(server)
        assert server.process.poll() is None, "the server exited:\n" + tail(server)
        with contextlib.suppress(httpx.HTTPError):
            server.get("/readyz")
        pids |= {line["pid"] for line in server.new_log_lines() if line.get("status") == 200}
        time.sleep(0.2)


def tail(server: Server) -> str:
    return server.log.read_text(encoding="utf-8", errors="replace")[-3000:]


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"{what} did not happen within {timeout:.0f} s")


@pytest.fixture
def setup(tmp_path, settings, trained_model_path):
    models = tmp_path / "models"
    models.mkdir()
    shutil.copy(trained_model_path, models / f"{BASE}.tar.gz")
    data = copy_data(tmp_path)
    env = {
        **os.environ,
        "HUASHU_DB_PATH": str(settings.db_path),
        "HUASHU_SHOPS_DIR": str(settings.shops_dir),
        "HUASHU_MODELS_DIR": str(models),
        "HUASHU_DATA_DIR": str(data),
        "HUASHU_DEMO_KEY_PATH": str(tmp_path / "var" / "demo.key"),
        "HUASHU_TEST_RELEASE": str(tmp_path / "release"),
        "HUASHU_TEST_ARCHIVE": str(trained_model_path),
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "PYTHONWARNINGS": "ignore",
    }
    agent = {"X-API-Key": create_key(settings, "demo")}
    return {"env": env, "agent": agent, "trainer": trainer_headers(settings), "tmp": tmp_path}


def from_both_workers(server: Server, path: str, send) -> tuple[list, set[int]]:
    """Batches of 10 concurrent requests (sequential ones may all reach one worker) until at
    least 20 were answered and both workers answered some, or 60 s; the answers and the pids."""
    server.new_log_lines()
    answers: list = []
    pids: set[int] = set()
    deadline = time.monotonic() + 60
    while (len(pids) < 2 or len(answers) < 20) and time.monotonic() < deadline:
        with ThreadPoolExecutor(10) as pool:
            answers += list(pool.map(lambda _: send(), range(10)))
        pids |= {line["pid"] for line in server.new_log_lines() if line.get("path") == path}
    return answers, pids


def versions_of_parses(server: Server, agent: dict) -> tuple[set[str], int, set[int]]:
    def parse():
        response = server.post("/v1/parse", json={"text": "今天能发吗"}, headers=agent)
        return response.json()["model_version"]

    versions, pids = from_both_workers(server, "/v1/parse", parse)
    return set(versions), len(versions), pids


def test_two_workers_are_one_service(setup):
    env, agent, trainer, tmp = setup["env"], setup["agent"], setup["trainer"], setup["tmp"]
    with uvicorn(env, tmp / "server.log", workers=2) as server:
        wait_for_workers(server, 2)

        # two runs asked for at once: one starts, the other is refused, whichever worker answers
        statuses: list[int] = []

        def start() -> None:
            statuses.append(server.post("/v1/training/runs", headers=trainer).status_code)

        threads = [threading.Thread(target=start) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert sorted(statuses) == [202, 409]
        later, refusing = from_both_workers(
            server,
            "/v1/training/runs",
            lambda: server.post("/v1/training/runs", headers=trainer).status_code,
        )
        assert (set(later), len(refusing)) == ({409}, 2)
        run_id = 1

        # another API process starting on the same database leaves the live run alone
        with uvicorn(env, tmp / "second.log", workers=1) as second:
            wait_for_workers(second, 1)
            run = second.get(f"/v1/training/runs/{run_id}", headers=trainer).json()
            assert (run["status"], run["error"]) == ("running", None)

        (tmp / "release").touch()

        def finished() -> dict | None:
            run = server.get(f"/v1/training/runs/{run_id}", headers=trainer).json()
            return run if run["status"] != "running" else None

        run = wait_for(finished, 120, "the run's end")
        assert (run["status"], run["model"]["served"]) == ("promoted", True), run
        promoted = run["version"]

        # every worker follows the switch within its one-second check
        time.sleep(1.5)
        versions, count, pids = versions_of_parses(server, agent)
        assert (versions, count >= 20, len(pids)) == ({promoted}, True, 2)
        served = {server.get("/v1/models", headers=trainer).json()["served"] for _ in range(10)}
        assert served == {promoted}

        rolled = server.post(f"/v1/models/{BASE}/rollback", headers=trainer)
        assert (rolled.status_code, rolled.json()["served"]) == (200, True)
        time.sleep(1.5)
        versions, count, pids = versions_of_parses(server, agent)
        assert (versions, count >= 20, len(pids)) == ({BASE}, True, 2)
        runs = {
            server.get(f"/v1/training/runs/{run_id}", headers=trainer).json()["model"]["served"]
            for _ in range(10)
        }
        assert runs == {False}
