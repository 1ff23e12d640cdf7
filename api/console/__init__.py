"""The agent console: server-rendered pages under /console for agents (inbox, conversations,
drafts) and trainers (review queue, examples, training runs, models), with stats for both."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.responses import RedirectResponse

from api.console import agent, stats, trainer
from api.console.pages import STATIC_DIR, install_error_pages, redirect
from bot.console import ConsoleDesk

__all__ = ["ConsoleDesk", "install_console"]


def install_console(app: FastAPI) -> None:
    """Routes, static files and the console's error pages; the app's lifespan sets
    app.state.console to a ConsoleDesk."""
    for module in (agent, trainer, stats):
        app.include_router(module.router)
    app.mount("/console/static", StaticFiles(directory=str(STATIC_DIR)), name="console-static")
    # the address `make run` prints without a path leads to the console, not a JSON 404
    app.add_api_route("/", _to_console, include_in_schema=False)
    install_error_pages(app)


def _to_console() -> RedirectResponse:
    return redirect("/console")
