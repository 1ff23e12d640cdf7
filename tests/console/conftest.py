"""Console tests: the API tests' app (real model, SQLite file in tmp_path, the demo and rival
shops, a clock the test controls) plus console accounts created through the CLI."""

from __future__ import annotations

import io
import re

import pytest
from fastapi.testclient import TestClient

from bot.cli import main as cli

# the API tests' fixtures: app, client, clock, settings, shops_dir, demo, rival and their keys
from tests.api.conftest import *  # noqa: F403

PASSWORD = "correct horse 42"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def create_account(settings, *options: str, name: str, password: str = PASSWORD) -> str:
    """`python -m bot agents create ... --password-stdin`, the password piped as a user would."""
    import sys

    out, err = io.StringIO(), io.StringIO()
    args = ["--db", str(settings.db_path), "--shops", str(settings.shops_dir)]
    stdin, sys.stdin = sys.stdin, io.StringIO(password + "\n")
    try:
        code = cli(
            [*args, "agents", "create", *options, "--name", name, "--password-stdin"],
            out=out,
            err=err,
        )
    finally:
        sys.stdin = stdin
    assert code == 0, err.getvalue()
    return name


@pytest.fixture
def agent(settings) -> str:
    return create_account(settings, "--shop", "demo", name="xiaowang")


@pytest.fixture
def rival_agent(settings) -> str:
    return create_account(settings, "--shop", "rival", name="duishou")


@pytest.fixture
def trainer(settings) -> str:
    return create_account(settings, "--trainer", name="laoshi")


def csrf_of(html: str) -> str:
    return CSRF.search(html).group(1)


def login(client: TestClient, name: str, password: str = PASSWORD):
    """Log in through the form; the client keeps the session cookie. Returns the response."""
    form = client.get("/console/login")
    body = {"csrf_token": csrf_of(form.text), "name": name, "password": password}
    return client.post("/console/login", data=body)


def page_token(client: TestClient, path: str = "/console/inbox") -> str:
    """The session's CSRF token, as a page renders it into its forms."""
    return csrf_of(client.get(path).text)


@pytest.fixture
def agent_client(app, agent):
    with TestClient(app) as client:
        assert login(client, agent).status_code == 200
        yield client


def paste(client: TestClient, message: str, conversation: str = "", token: str | None = None):
    token = token or page_token(client)
    body = {"csrf_token": token, "conversation_id": conversation, "message": message}
    return client.post("/console/messages", data=body)


APPROVAL_TEXT = "亲，我帮您申请一张50元的专属券，主管批准后马上发给您～"


def record_approval_draft(settings, now, conversation: str, shop: str = "demo") -> None:
    """A stored suggestion whose only draft needs a supervisor's approval (written straight to
    the tmp database: which real messages get such a draft depends on the shop and the day)."""
    from bot.store import Store
    from bot.store.records import NewSuggestion
    from bot.types import Draft, IntentScore, Understanding

    understanding = Understanding("再便宜50我就拍", (IntentScore("price_objection", 0.91),))
    draft = Draft(APPROVAL_TEXT, "coupon", {"value": 50}, needs_approval=True)
    store = Store.open(settings.db_path, now)
    try:
        store.log.record_suggestion(
            NewSuggestion(shop, conversation, understanding.text, understanding, (draft,), "t", now)
        )
    finally:
        store.close()
