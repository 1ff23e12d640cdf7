"""`python -m api`: make sure the demo shop has a key, then serve on settings.host:port.

The demo key is created on the first start, printed in full that once, and kept in
settings.demo_key_path (var/demo.key, mode 600); later starts print it masked and name the file.
The database only ever holds its hash. When the file no longer holds a live demo key (revoked,
deleted, or replaced), a new key is made and the previous demo key is revoked."""

from __future__ import annotations

import socket
import sqlite3
import sys
import threading
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from typing import TextIO

import uvicorn
from fastapi import FastAPI

from api.console.demo import announce_console, browser_url, ensure_demo_agent
from api.deps import get_settings
from api.logs import configure_logging
from api.main import create_app, model_path, utc_now
from api.private_file import write_private
from api.settings import Settings
from bot.quiet import quiet_libraries
from bot.shop import ShopProfileError, load_shops
from bot.store import Store
from bot.store.keys import KEY_PREFIX, split_key

DEMO_PURPOSE = "demo"
READY_PATH = "/readyz"
# loading the model takes about a minute on a busy machine; a first `make run` trains before
READY_GIVE_UP_SECONDS = 900.0


class PortInUse(OSError):
    """Something already listens on the configured host and port."""


def _saved_key(path: Path, store: Store, shop_id: str) -> str | None:
    key = path.read_text().strip() if path.is_file() else ""
    return key if key and store.keys.shop_for(key) == shop_id else None


def masked(key: str) -> str:
    """The key id stays readable (it names the key in `keys list`), the secret does not."""
    parts = split_key(key)
    return f"{KEY_PREFIX}{parts[0]}_{'*' * 8}" if parts else "*" * 8


def ensure_demo_key(settings: Settings, now: datetime) -> tuple[str, bool]:
    """(the demo shop's key, whether it was just created)."""
    store = Store.open(settings.db_path, now)
    try:
        key = _saved_key(settings.demo_key_path, store, settings.demo_shop)
        if key:
            return key, False
        store.keys.revoke_purpose(settings.demo_shop, DEMO_PURPOSE, now)
        key = store.keys.create(settings.demo_shop, now, purpose=DEMO_PURPOSE).key
    finally:
        store.close()
    write_private(settings.demo_key_path, key)
    return key, True


def announce(key: str, created: bool, settings: Settings, out: TextIO) -> None:
    """In full once, when created; masked afterwards (the file keeps it)."""
    shop, path = settings.demo_shop, settings.demo_key_path
    if created:
        print(f"Demo shop {shop!r} API key (created, saved to {path}): {key}", file=out)
    else:
        print(f"Demo shop {shop!r} API key: {masked(key)} (in full in {path})", file=out)


def check_port_free(host: str, port: int) -> None:
    """A second `make run` would load the model for a minute and then die on a busy port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # as uvicorn binds: a port left in TIME_WAIT by a stopped server is free
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            raise PortInUse(
                f"{host}:{port} is already in use (another `make run`?): stop that server,"
                " or serve on another port with HUASHU_PORT=8001 make run"
            ) from None


# the server is on this machine: a proxy from the environment must not be asked
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _answers(url: str) -> bool:
    try:
        with _DIRECT.open(url, timeout=2) as response:
            return response.status == 200
    except (OSError, ValueError):
        return False


def announce_when_ready(
    base_url: str,
    out: TextIO,
    *,
    poll_seconds: float = 0.5,
    give_up_seconds: float = READY_GIVE_UP_SECONDS,
) -> threading.Thread:
    """Print the console's address once the server answers: the model loads before it does,
    and a browser opened on the first lines would only be refused."""

    def watch() -> None:
        deadline = time.monotonic() + give_up_seconds
        while time.monotonic() < deadline:
            if _answers(base_url + READY_PATH):
                print(ready_line(base_url), file=out, flush=True)
                return
            time.sleep(poll_seconds)

    thread = threading.Thread(target=watch, name="ready-announcer", daemon=True)
    thread.start()
    return thread


def ready_line(base_url: str) -> str:
    return f"Ready: open {base_url}/console (API docs at {base_url}/docs). Ctrl+C stops the server."


def _prepare(settings: Settings, out: TextIO) -> None:
    """Fail with a sentence, not a start-up traceback, on a missing model, a bad shop file or
    a busy port."""
    shops = load_shops(settings.shops_dir)
    model_path(settings)
    check_port_free(settings.host, settings.port)
    if settings.demo_shop in shops:
        key, created = ensure_demo_key(settings, utc_now())
        announce(key, created, settings, out)
        var_dir = settings.demo_key_path.parent
        agent = ensure_demo_agent(settings.db_path, var_dir, settings.demo_shop, utc_now())
        announce_console(settings.host, settings.port, *agent, var_dir, out)


def main() -> int:
    settings = get_settings()
    # library deprecation warnings and jieba's start-up lines would bury the console's address
    quiet_libraries(verbose=False)
    configure_logging()
    try:
        _prepare(settings, sys.stdout)
    except (OSError, sqlite3.Error, ShopProfileError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    base_url = browser_url(settings.host, settings.port)
    print(f"Loading the model; {base_url} answers when 'Ready' is printed below.", flush=True)
    announce_when_ready(base_url, sys.stdout)
    # ws="none": the API has no websockets, and Rasa pins a websockets release that uvicorn's
    # websocket support cannot import
    uvicorn.run(
        "api.serve:app_from_environment",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        ws="none",
        access_log=False,
        log_level="warning",
    )
    return 0


def app_from_environment() -> FastAPI:
    """Each worker process builds its own app (and loads its own copy of the model)."""
    quiet_libraries(verbose=False)
    configure_logging()
    return create_app(get_settings())
