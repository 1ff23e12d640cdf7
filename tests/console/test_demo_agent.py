"""`make run`'s demo agent: created once with a random password kept private in var/, reused on
later starts, replaced when the file no longer holds the password; announced once in full; the
console's address printed again once the server answers, a busy port refused with a sentence."""

from __future__ import annotations

import io
import socket
import stat
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from api.console.demo import announce_console, browser_url, ensure_demo_agent
from api.serve import PortInUse, announce_when_ready, check_port_free
from bot.accounts import Accounts
from bot.store import Store

NOW = datetime(2025, 3, 3, 2, 0, tzinfo=timezone.utc)


def test_the_demo_agent_is_created_once_then_reused(tmp_path):
    db, var = tmp_path / "var" / "huashu.db", tmp_path / "var"
    password, created = ensure_demo_agent(db, var, "demo", NOW)
    again, created_again = ensure_demo_agent(db, var, "demo", NOW)
    assert (created, created_again, again) == (True, False, password)
    path = var / "demo-agent.password"
    assert path.read_text() == password + "\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    store = Store.open(db, NOW)
    try:
        session = Accounts(store, lambda: NOW).login("demo-agent", password).session
    finally:
        store.close()
    assert (session.account.role, session.account.shop_id) == ("agent", "demo")


def test_a_lost_password_file_gets_a_new_password(tmp_path):
    db, var = tmp_path / "huashu.db", tmp_path / "var"
    first, _ = ensure_demo_agent(db, var, "demo", NOW)
    (var / "demo-agent.password").unlink()
    second, created = ensure_demo_agent(db, var, "demo", NOW)
    assert created and second != first
    store = Store.open(db, NOW)
    try:
        assert [a.name for a in Accounts(store, lambda: NOW).list()] == ["demo-agent"]
    finally:
        store.close()


def test_the_password_is_printed_in_full_only_when_set(tmp_path):
    created, reused = io.StringIO(), io.StringIO()
    announce_console("127.0.0.1", 8000, "s3cret-pw", True, tmp_path, created)
    announce_console("127.0.0.1", 8000, "s3cret-pw", False, tmp_path, reused)
    path = tmp_path / "demo-agent.password"
    assert created.getvalue() == (
        "Agent console: http://127.0.0.1:8000/console\n"
        f"  demo agent login: demo-agent / s3cret-pw (saved to {path})\n"
    )
    assert reused.getvalue() == (
        "Agent console: http://127.0.0.1:8000/console\n"
        f"  demo agent login: demo-agent (password in {path})\n"
    )


def test_a_server_on_every_interface_is_announced_on_the_loopback():
    assert (browser_url("0.0.0.0", 8000), browser_url("127.0.0.1", 8001)) == (
        "http://127.0.0.1:8000",
        "http://127.0.0.1:8001",
    )


class ReadyHandler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the http.server naming)
        self.send_response(200 if self.path == "/readyz" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_ready_is_printed_once_the_server_answers():
    # the port is taken but nothing listens yet, as while `make run` loads the model
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    base_url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    out = io.StringIO()
    watcher = announce_when_ready(base_url, out, poll_seconds=0.05, give_up_seconds=30)
    time.sleep(0.3)
    assert (watcher.is_alive(), out.getvalue()) == (True, "")
    server = HTTPServer(("127.0.0.1", 0), ReadyHandler, bind_and_activate=False)
    server.socket.close()
    server.socket = listener
    server.server_activate()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        watcher.join(10)
    finally:
        server.shutdown()
        server.server_close()
    assert out.getvalue() == (
        f"Ready: open {base_url}/console (API docs at {base_url}/docs). Ctrl+C stops the server.\n"
    )


def test_a_busy_port_is_refused_with_a_sentence():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(PortInUse) as refused:
            check_port_free("127.0.0.1", port)
    assert str(refused.value) == (
        f"127.0.0.1:{port} is already in use (another `make run`?): stop that server,"
        " or serve on another port with HUASHU_PORT=8001 make run"
    )


def test_the_bare_address_leads_to_the_console(client):
    answer = client.get("/", follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/console")
