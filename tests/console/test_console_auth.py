"""Console logins through TestClient: the signed session cookie, logout, the lock-out kept in
the database, CSRF on every POST, and roles."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.main import create_app
from tests.console.conftest import PASSWORD, csrf_of, login, page_token, paste

LOCKED = "登录失败次数过多，该账号已暂时锁定，请 15 分钟后再试。"


def test_login_sets_an_http_only_strict_session_cookie_and_opens_the_inbox(app, agent):
    with TestClient(app) as client:
        response = login(client, agent)
        assert response.status_code == 200
        assert response.url.path == "/console/inbox"
        cookie = next(
            header
            for header in response.history[0].headers.get_list("set-cookie")
            if header.startswith("huashu_session=")
        )
        assert "HttpOnly" in cookie
        assert "SameSite=strict" in cookie or "SameSite=Strict" in cookie
        assert "Path=/console" in cookie
        assert "xiaowang" in response.text


def test_wrong_password_and_unknown_name_get_the_same_refusal(app, agent):
    with TestClient(app) as client:
        wrong = login(client, agent, "not the password")
        unknown = login(client, "nobody", PASSWORD)
        assert (wrong.status_code, unknown.status_code) == (401, 401)
        assert "用户名或密码不正确。" in wrong.text
        assert "用户名或密码不正确。" in unknown.text
        assert "huashu_session" not in client.cookies
        assert client.get("/console/inbox").url.path == "/console/login"


def test_five_failures_lock_the_name_for_every_worker_until_the_window_passes(
    app, agent, settings, nlu_model, clock
):
    with TestClient(app) as client:
        for _ in range(4):
            assert login(client, agent, "guess-guess").status_code == 401
        fifth = login(client, agent, "guess-guess")
        assert (fifth.status_code, LOCKED in fifth.text) == (429, True)
        # locked: even the right password is refused
        locked = login(client, agent)
        assert (locked.status_code, LOCKED in locked.text) == (429, True)
    # a second app on the same database (another worker) sees the same lock
    with TestClient(create_app(settings, nlu=nlu_model, clock=clock)) as other:
        assert login(other, agent).status_code == 429
        clock.advance(minutes=15)
        assert login(other, agent).url.path == "/console/inbox"


def test_a_success_clears_earlier_failures(app, agent):
    with TestClient(app) as client:
        for _ in range(4):
            login(client, agent, "guess-guess")
        assert login(client, agent).status_code == 200
        for _ in range(4):
            assert login(client, agent, "guess-guess").status_code == 401
        assert login(client, agent).url.path == "/console/inbox"


def test_login_without_the_form_token_is_refused(app, agent):
    with TestClient(app) as client:
        body = {"name": agent, "password": PASSWORD}
        response = client.post("/console/login", data=body)
        assert response.status_code == 403
        assert "huashu_session" not in client.cookies


def test_logout_ends_the_session_even_for_a_copied_cookie(app, agent):
    with TestClient(app) as client:
        login(client, agent)
        stolen = client.cookies["huashu_session"]
        token = page_token(client)
        assert client.post("/console/logout", data={"csrf_token": token}).url.path == (
            "/console/login"
        )
    with TestClient(app, cookies={"huashu_session": stolen}) as replay:
        assert replay.get("/console/inbox").url.path == "/console/login"


def test_a_cookie_with_a_forged_signature_is_no_session(agent_client, app):
    token, _, _ = agent_client.cookies["huashu_session"].partition(".")
    with TestClient(app, cookies={"huashu_session": f"{token}.forged"}) as forged:
        assert forged.get("/console/inbox").url.path == "/console/login"


def test_every_console_post_needs_the_session_csrf_token(app, agent, trainer):
    posts = sorted(
        route.path
        for route in app.routes
        if route.path.startswith("/console") and "POST" in getattr(route, "methods", ())
    )
    assert posts == [
        "/console/followups/{followup_id}/done",
        "/console/login",
        "/console/logout",
        "/console/messages",
        "/console/suggestions/{suggestion_id}/feedback",
        "/console/training/examples",
        "/console/training/models/{version}/rollback",
        "/console/training/runs",
    ]
    with TestClient(app) as as_agent, TestClient(app) as as_trainer:
        login(as_agent, agent)
        login(as_trainer, trainer)
        for path in posts:
            client = as_trainer if path.startswith("/console/training") else as_agent
            url = path.replace("{followup_id}", "fu_x").replace("{suggestion_id}", "sg_x")
            url = url.replace("{version}", "test-session")
            for token in ({}, {"csrf_token": "wrong"}):
                response = client.post(url, data={**token, "message": "能便宜点吗"})
                assert response.status_code == 403, (url, token)
                assert "CSRF" in response.text, (url, token)
        # both sessions are still open: nothing above logged anyone out
        assert as_agent.get("/console/inbox").status_code == 200
        assert as_trainer.get("/console/training").status_code == 200


def test_a_paste_without_the_token_stores_nothing(agent_client, demo):
    response = agent_client.post(
        "/console/messages", data={"conversation_id": "c1", "message": "能便宜点吗"}
    )
    assert response.status_code == 403
    assert "CSRF" in response.text
    assert agent_client.get("/v1/conversations/c1", headers=demo).status_code == 404
    # the token may also come in a header, as scripts send it
    token = page_token(agent_client)
    headers = {"X-CSRF-Token": token}
    body = {"conversation_id": "c1", "message": "能便宜点吗"}
    assert agent_client.post("/console/messages", data=body, headers=headers).status_code == 200
    assert agent_client.get("/v1/conversations/c1", headers=demo).status_code == 200


def test_agents_and_trainers_each_keep_to_their_pages(app, agent, trainer):
    with TestClient(app) as client:
        login(client, agent)
        assert client.get("/console/training/review").status_code == 403
        assert client.get("/console/training").status_code == 403
    with TestClient(app) as client:
        response = login(client, trainer)
        assert response.url.path == "/console/training/review"
        assert client.get("/console/inbox").status_code == 403
        token = csrf_of(response.text)
        assert paste(client, "能便宜点吗", "c1", token).status_code == 403


def test_pages_without_a_session_go_to_the_login_form(client):
    for path in ("/console", "/console/inbox", "/console/stats", "/console/training"):
        assert client.get(path).url.path == "/console/login"
    assert client.post("/console/messages", data={}).url.path == "/console/login"


def test_console_pages_forbid_framing_and_inline_scripts(agent_client):
    headers = agent_client.get("/console/inbox").headers
    assert headers["x-frame-options"] == "DENY"
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["cache-control"] == "no-store"


def test_an_agent_of_a_shop_no_longer_configured_is_told_so(app, settings, clock):
    from bot.accounts import Accounts
    from bot.store import Store

    store = Store.open(settings.db_path, clock.now)
    try:
        Accounts(store, clock).create("gone-agent", PASSWORD, role="agent", shop_id="gone")
    finally:
        store.close()
    with TestClient(app) as client:
        response = login(client, "gone-agent")
        assert response.status_code == 403
        assert "店铺 gone 不在店铺配置里，无法处理它的会话。" in response.text
