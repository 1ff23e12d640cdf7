"""The stats page: acceptance, edit and rejection rates per intent and per tactic, as charts, from
the same SuggestionService.stats as GET /v1/stats."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request
from starlette.responses import Response

from api.console.pages import problem, render
from api.console.session import CurrentSession, Desk
from api.deps import Service
from bot.store.keys import AGENT_ROLE

router = APIRouter(prefix="/console", include_in_schema=False)

WINDOWS = (1, 7, 30, 90)
DEFAULT_DAYS = 7


@router.get("/stats")
def stats(request: Request, session: CurrentSession, service: Service, desk: Desk) -> Response:
    """Agents see their shop; trainers pick any shop."""
    days = request.query_params.get("days", str(DEFAULT_DAYS))
    if days not in {str(d) for d in WINDOWS}:
        return problem(request, 422, "统计时间范围只能是 1、7、30 或 90 天。", "/console/stats")
    if session.account.role == AGENT_ROLE:
        shop_id = session.account.shop_id
    else:
        shop_id = request.query_params.get("shop") or desk.shop_ids()[0]
        if shop_id not in desk.shop_ids():
            return problem(request, 404, f"没有店铺 {shop_id}。", "/console/stats")
    until = service.now()
    window = service.stats(shop_id, until - timedelta(days=int(days)), until)
    context = {"stats": window, "days": int(days), "windows": WINDOWS, "shop_id": shop_id}
    return render(request, "stats.html", context)
