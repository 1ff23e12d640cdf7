"""Who is logged in, and the checks every console request goes through: the signed session
cookie, the role a page needs, and the CSRF token every POST must carry (a synchroniser token
kept with the session; the login form, before there is a session, uses a double-submit cookie)."""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import Depends, Request
from starlette.responses import Response

from bot.accounts import Session, csrf_matches
from bot.console import ConsoleDesk
from bot.store.keys import AGENT_ROLE, TRAINER_ROLE

SESSION_COOKIE = "huashu_session"
LOGIN_CSRF_COOKIE = "huashu_login_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
COOKIE_PATH = "/console"


class LoginRequired(Exception):
    """No valid session: the page redirects to the login form."""


class Forbidden(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CsrfRejected(Exception):
    """A POST without the session's CSRF token."""


class BadForm(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def get_desk(request: Request) -> ConsoleDesk:
    return request.app.state.console


Desk = Annotated[ConsoleDesk, Depends(get_desk)]


def current_session(request: Request, desk: Desk) -> Session:
    cookie = request.cookies.get(SESSION_COOKIE)
    session = desk.accounts.session(cookie) if cookie else None
    if session is None:
        raise LoginRequired()
    request.state.session = session
    # read by the request log, as for API keys
    request.state.shop_id = session.account.shop_id
    return session


CurrentSession = Annotated[Session, Depends(current_session)]


def agent_session(session: CurrentSession, desk: Desk) -> Session:
    if session.account.role != AGENT_ROLE:
        raise Forbidden("此页面供店铺客服使用；训练师账号请使用“标注队列”和“训练与模型”。")
    if session.account.shop_id not in desk.shop_ids():
        raise Forbidden(f"店铺 {session.account.shop_id} 不在店铺配置里，无法处理它的会话。")
    return session


def trainer_session(session: CurrentSession) -> Session:
    if session.account.role != TRAINER_ROLE:
        raise Forbidden("此页面仅供训练师使用。")
    return session


AgentSession = Annotated[Session, Depends(agent_session)]
TrainerSession = Annotated[Session, Depends(trainer_session)]


async def read_form(request: Request) -> dict[str, str]:
    """An urlencoded form body, first value of each field (the app parses forms itself rather
    than depend on python-multipart)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip()
    body = await request.body()
    if body and content_type != "application/x-www-form-urlencoded":
        raise BadForm("表单必须以 application/x-www-form-urlencoded 提交。")
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        raise BadForm("表单内容不是有效的 UTF-8。") from None
    return {name: values[0] for name, values in fields.items()}


async def checked_form(request: Request, session: CurrentSession) -> dict[str, str]:
    """Every POST behind the login depends on this: no matching token, no action."""
    form = await read_form(request)
    sent = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
    if not csrf_matches(session, sent):
        raise CsrfRejected()
    return form


Form = Annotated[dict[str, str], Depends(checked_form)]


def new_login_csrf() -> str:
    return secrets.token_urlsafe(24)


def login_csrf_matches(request: Request, form: dict[str, str]) -> bool:
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    sent = form.get(CSRF_FIELD, "")
    return bool(cookie) and hmac.compare_digest(cookie.encode(), sent.encode())


def set_cookie(request: Request, response: Response, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


def clear_cookie(response: Response, name: str) -> None:
    response.delete_cookie(name, path=COOKIE_PATH, httponly=True, samesite="strict")
