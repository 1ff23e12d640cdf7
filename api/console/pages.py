"""Rendering console pages: the Jinja2 environment, the display filters (Beijing time, waiting
time, percentages), the security headers, and the error pages."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import FastAPI, Request
from fastapi.templating import Jinja2Templates
from starlette.responses import RedirectResponse, Response

from api.console.charts import outcome_chart
from api.console.labels import (
    INTENT_LABELS,
    MODEL_STATUS,
    REVIEW_REASONS,
    RUN_STATUS,
    intent_label,
    tactic_label,
)
from api.console.session import CSRF_FIELD, BadForm, CsrfRejected, Forbidden, LoginRequired
from bot.errors import ConflictError, HuashuError, NotFoundError
from bot.store.records import FeedbackRecord, StoredSuggestion

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
# the shops sell on Chinese platforms: agents read Beijing time
DISPLAY_ZONE = ZoneInfo("Asia/Shanghai")

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        " form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def local_time(moment: datetime | None, pattern: str = "%m-%d %H:%M") -> str:
    return moment.astimezone(DISPLAY_ZONE).strftime(pattern) if moment else "—"


def waited(span: timedelta) -> str:
    minutes = max(0, int(span.total_seconds() // 60))
    if minutes < 1:
        return "不到 1 分钟"
    if minutes < 60:
        return f"{minutes} 分钟"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} 小时 {minutes} 分" if minutes else f"{hours} 小时"
    return f"{hours // 24} 天 {hours % 24} 小时"


def local_time_text(text: str | None) -> str:
    """A stored timestamp kept as text (the review queue's last_seen)."""
    return local_time(datetime.fromisoformat(text)) if text else "—"


def verdict_map(suggestion: StoredSuggestion) -> dict[str, FeedbackRecord]:
    """The suggestion's verdicts by draft id ('' for a rejection of the whole suggestion)."""
    return {record.draft_id or "": record for record in suggestion.feedback}


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
templates.env.filters.update(
    local_time=local_time, local_time_text=local_time_text, waited=waited, percent=percent
)
templates.env.globals.update(
    intent_label=intent_label,
    tactic_label=tactic_label,
    outcome_chart=outcome_chart,
    INTENT_LABELS=INTENT_LABELS,
    REVIEW_REASONS=REVIEW_REASONS,
    RUN_STATUS=RUN_STATUS,
    MODEL_STATUS=MODEL_STATUS,
    verdict_map=verdict_map,
    CSRF_FIELD=CSRF_FIELD,
)


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status: int = 200
) -> Response:
    session = getattr(request.state, "session", None)
    base = {
        "session": session,
        "csrf_token": session.csrf_token if session else "",
        "desk": request.app.state.console,
        "now": request.app.state.service.now(),
    }
    response = templates.TemplateResponse(request, name, {**base, **(context or {})}, status)
    response.headers.update(SECURITY_HEADERS)
    return response


def problem(request: Request, status: int, message: str, back: str | None = None) -> Response:
    context = {"status": status, "message": message, "back": back or "/console"}
    return render(request, "problem.html", context, status)


def status_of(error: HuashuError) -> int:
    """As the API maps core errors: unknown 404, conflict 409, anything else 422."""
    if isinstance(error, NotFoundError):
        return 404
    return 409 if isinstance(error, ConflictError) else 422


def redirect(url: str) -> RedirectResponse:
    # 303: the browser follows a POST's answer with a GET
    response = RedirectResponse(url, status_code=303)
    response.headers.update(SECURITY_HEADERS)
    return response


async def _login_required(request: Request, error: LoginRequired) -> Response:
    return redirect("/console/login")


async def _forbidden(request: Request, error: Forbidden) -> Response:
    return problem(request, 403, error.message)


async def _csrf(request: Request, error: CsrfRejected) -> Response:
    message = "请求缺少有效的安全令牌（CSRF），操作未执行。请刷新页面后重试。"
    return problem(request, 403, message)


async def _bad_form(request: Request, error: BadForm) -> Response:
    return problem(request, 400, error.message)


def install_error_pages(app: FastAPI) -> None:
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(Forbidden, _forbidden)
    app.add_exception_handler(CsrfRejected, _csrf)
    app.add_exception_handler(BadForm, _bad_form)
