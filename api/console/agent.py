"""The agent's pages: log in and out, the inbox, pasting a buyer message, and a conversation
with its draft cards. Suggestions and feedback go through SuggestionService, as the API's do."""

from __future__ import annotations

import secrets
from urllib.parse import quote

from fastapi import APIRouter, Request
from starlette.responses import Response

from api.console.labels import REJECT_REASONS
from api.console.pages import problem, redirect, render, status_of, verdict_map
from api.console.session import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    AgentSession,
    Desk,
    Form,
    clear_cookie,
    login_csrf_matches,
    new_login_csrf,
    read_form,
    set_cookie,
)
from api.deps import Service
from api.models import MAX_ID, MAX_TEXT
from api.routes.messages import Messages
from bot.accounts import SESSION_LIFETIME, LoginRefused
from bot.errors import HuashuError, NotFoundError
from bot.feedback import Verdict
from bot.service import SuggestRequest
from bot.store.keys import AGENT_ROLE
from bot.store.records import Conversation, StoredSuggestion

router = APIRouter(prefix="/console", include_in_schema=False)

LOGIN_CSRF_AGE = 3600
REASON_LABELS = dict(REJECT_REASONS)


def _conversation_url(conversation_id: str) -> str:
    return f"/console/conversations/{quote(conversation_id, safe='')}"


@router.get("")
def home(request: Request, desk: Desk) -> Response:
    cookie = request.cookies.get(SESSION_COOKIE)
    session = desk.accounts.session(cookie) if cookie else None
    if session is None:
        return redirect("/console/login")
    role = session.account.role
    return redirect("/console/inbox" if role == AGENT_ROLE else "/console/training/review")


def _login_page(request: Request, error: str | None = None, status: int = 200) -> Response:
    token = new_login_csrf()
    response = render(request, "login.html", {"login_csrf": token, "error": error}, status)
    set_cookie(request, response, LOGIN_CSRF_COOKIE, token, LOGIN_CSRF_AGE)
    return response


@router.get("/login")
def login_form(request: Request) -> Response:
    return _login_page(request)


@router.post("/login")
async def login(request: Request, desk: Desk) -> Response:
    form = await read_form(request)
    if not login_csrf_matches(request, form):
        message = "登录表单已过期或缺少安全令牌（CSRF），请重新打开登录页。"
        return problem(request, 403, message, "/console/login")
    try:
        done = desk.accounts.login(form.get("name", "").strip(), form.get("password", ""))
    except LoginRefused as refused:
        return _login_page(request, refused.message, 429 if refused.code == "locked" else 401)
    response = redirect("/console")
    set_cookie(
        request, response, SESSION_COOKIE, done.cookie, int(SESSION_LIFETIME.total_seconds())
    )
    clear_cookie(response, LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout")
def logout(request: Request, desk: Desk, form: Form) -> Response:
    desk.accounts.logout(request.cookies.get(SESSION_COOKIE, ""))
    response = redirect("/console/login")
    clear_cookie(response, SESSION_COOKIE)
    return response


@router.get("/inbox")
def inbox(request: Request, session: AgentSession, desk: Desk) -> Response:
    rows = desk.inbox(session.account.shop_id)
    return render(request, "inbox.html", {"rows": rows, "current": None})


def _field(form: dict[str, str], name: str, limit: int, label: str) -> str:
    value = form.get(name, "")
    if not value.strip():
        raise HuashuError(f"请填写{label}。", "invalid_request")
    if len(value) > limit:
        message = f"{label}最多 {limit} 个字符（现在 {len(value)} 个）。"
        raise HuashuError(message, "invalid_request")
    return value


@router.post("/messages")
def paste_message(
    request: Request, session: AgentSession, form: Form, service: Service
) -> Response:
    """A buyer message pasted by the agent: the same SuggestionService.suggest as POST
    /v1/suggest, in a new conversation when no id is given."""
    try:
        message = _field(form, "message", MAX_TEXT, "买家消息")
        conversation_id = form.get("conversation_id", "").strip() or _new_conversation_id()
        if len(conversation_id) > MAX_ID:
            raise HuashuError(f"会话编号最多 {MAX_ID} 个字符。", "invalid_request")
        suggest_request = SuggestRequest(
            shop_id=session.account.shop_id,
            conversation_id=conversation_id,
            message=message,
            agent_id=session.account.name,
        )
        service.suggest(suggest_request)
    except HuashuError as error:
        return problem(request, status_of(error), error.message, "/console/inbox")
    return redirect(_conversation_url(conversation_id))


def _new_conversation_id() -> str:
    return f"console-{secrets.token_hex(4)}"


def _neighbours(rows, conversation_id: str) -> tuple[str | None, str | None]:
    """The conversations before and after this one in the inbox order (for j and k)."""
    ids = [row.conversation_id for row in rows]
    if conversation_id not in ids:
        return None, (ids[0] if ids else None)
    at = ids.index(conversation_id)
    previous = ids[at - 1] if at > 0 else None
    following = ids[at + 1] if at + 1 < len(ids) else None
    return previous, following


@router.get("/conversations/{conversation_id}")
def conversation(
    request: Request, conversation_id: str, session: AgentSession, desk: Desk, service: Service
) -> Response:
    shop_id = session.account.shop_id
    try:
        found = service.conversation(shop_id, conversation_id)
    except NotFoundError:
        return problem(request, 404, f"没有编号为 {conversation_id} 的会话。", "/console/inbox")
    rows = desk.inbox(shop_id)
    previous, following = _neighbours(rows, conversation_id)
    latest = found.suggestions[-1] if found.suggestions else None
    context = {
        "rows": rows,
        "current": conversation_id,
        "conversation": found,
        "latest": latest,
        "all_handled": _all_handled(latest),
        "reasons": desk.reasons(shop_id, conversation_id),
        "followup": next((r for r in rows if r.conversation_id == conversation_id), None),
        "previous_url": _conversation_url(previous) if previous else None,
        "next_url": _conversation_url(following) if following else None,
        "reject_reasons": REJECT_REASONS,
        "conversation_url": _conversation_url(conversation_id),
    }
    return render(request, "conversation.html", context)


def _all_handled(latest: StoredSuggestion | None) -> bool:
    """Every draft card of the newest message has its verdict (or the whole suggestion was
    rejected): the page says what to do next."""
    if latest is None or not latest.drafts:
        return False
    verdicts = verdict_map(latest)
    return "" in verdicts or all(d.draft_id in verdicts for d in latest.drafts[:3])


def _suggestion(found: Conversation, suggestion_id: str) -> StoredSuggestion:
    for suggestion in found.suggestions:
        if suggestion.suggestion_id == suggestion_id:
            return suggestion
    raise NotFoundError(f"这个会话里没有编号为 {suggestion_id} 的建议。", "suggestion_not_found")


def _needs_approval(suggestion: StoredSuggestion, draft_id: str | None) -> bool:
    return any(d.draft_id == draft_id and d.needs_approval for d in suggestion.drafts)


@router.post("/suggestions/{suggestion_id}/feedback")
def feedback(
    request: Request,
    suggestion_id: str,
    session: AgentSession,
    form: Form,
    desk: Desk,
    service: Service,
) -> Response:
    """Accept, edit or reject a draft. The agent id is the logged-in account's name; a draft
    that needs a supervisor's approval is only sent when the form says it was approved."""
    shop_id, agent = session.account.shop_id, session.account.name
    conversation_id = form.get("conversation_id", "")
    back = _conversation_url(conversation_id)
    action, draft_id = form.get("action", ""), form.get("draft_id") or None
    try:
        suggestion = _suggestion(service.conversation(shop_id, conversation_id), suggestion_id)
        if action == "rejected":
            reason = REASON_LABELS.get(form.get("reason", ""), "其他")
            note = form.get("note", "").strip()
            reason = f"{reason}：{note}" if note else reason
            desk.reject(service, shop_id, suggestion.suggestion_id, draft_id, agent, reason)
            return redirect(back)
        if action not in ("accepted", "edited"):
            raise HuashuError("未知的操作；请选择采用、编辑或拒绝。", "invalid_request")
        if _needs_approval(suggestion, draft_id) and form.get("approved") != "yes":
            message = "这条草稿需要主管批准后才能发送；请确认主管已批准后再发送。"
            raise HuashuError(message, "approval_required")
        final_text = None
        if action == "edited":
            final_text = _field(form, "final_text", MAX_TEXT, "发送的文本")
            draft = next((d for d in suggestion.drafts if d.draft_id == draft_id), None)
            # an "edit" that changed nothing is what the agent accepted
            if draft is not None and final_text == draft.text:
                action, final_text = "accepted", None
        verdict = Verdict(action=action, agent_id=agent, draft_id=draft_id, final_text=final_text)
        service.give_feedback(shop_id, suggestion.suggestion_id, verdict)
    except HuashuError as error:
        return problem(request, status_of(error), error.message, back)
    return redirect(back)


@router.post("/followups/{followup_id}/done")
def followup_done(
    request: Request, followup_id: str, session: AgentSession, form: Form, messages: Messages
) -> Response:
    back = _conversation_url(form.get("conversation_id", ""))
    try:
        messages.mark_done(session.account.shop_id, followup_id, session.account.name)
    except HuashuError as error:
        return problem(request, status_of(error), error.message, back)
    return redirect(back)
