"""The application factory. Start-up loads the NLU model, opens the database and reads the shop
files once; requests then only parse, draft and write."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timezone
from pathlib import Path

from fastapi import FastAPI

from api.console import ConsoleDesk, install_console
from api.docs import install_docs
from api.errors import install_error_handlers
from api.middleware import BodyLimit, RequestLog
from api.nlu_guard import guarded
from api.routes import (
    conversations,
    feedback,
    health,
    messages,
    model_versions,
    orders,
    parse,
    stats,
    suggest,
    training,
)
from api.settings import Settings
from api.training import load_model, training_desk
from bot.messages import MessageService
from bot.nlu.archives import latest_model_path
from bot.reminders import ReminderDesk
from bot.service import Clock, Nlu, SuggestionService
from bot.shop import load_shops
from bot.store import Store
from bot.training.runs import CandidateFn
from bot.training.serving import served_archive


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def model_path(settings: Settings, store: Store | None = None) -> Path:
    """HUASHU_MODEL_PATH if set; else the archive the registry serves; else the newest one."""
    served = served_archive(store) if store is not None else None
    path = settings.model_path or served or latest_model_path(settings.models_dir)
    if path is None or not path.is_file():
        where = settings.model_path or f"{settings.models_dir}/"
        raise FileNotFoundError(
            f"no trained model at {where}: run `make train`, or set HUASHU_MODEL_PATH"
        )
    return path


def create_app(
    settings: Settings,
    *,
    nlu: Nlu | None = None,
    clock: Clock = utc_now,
    candidate_fn: CandidateFn | None = None,
) -> FastAPI:
    """`nlu` defaults to the trained model from settings; tests pass an already loaded model to
    skip reloading it per test."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = Store.open(settings.db_path, clock())
        # a model given by a test has no archive unless the settings name one
        started_from = settings.model_path if nlu else model_path(settings, store)
        model = guarded(nlu or load_model(started_from))
        shops = load_shops(settings.shops_dir)
        app.state.shops = shops
        app.state.service = SuggestionService(model, store, shops, clock)
        pinned = nlu is not None or settings.model_path is not None
        app.state.training = training_desk(
            settings, store, app.state.service, clock, candidate_fn, started_from, pinned=pinned
        )
        app.state.messages = MessageService(app.state.service, store, shops)
        app.state.reminders = ReminderDesk(store, shops, clock)
        app.state.console = ConsoleDesk(store, shops, clock)
        try:
            yield
        finally:
            app.state.training.runner.wait()
            store.close()

    app = FastAPI(
        title="huashu agent API",
        description="Suggested replies for shop customer-service agents, and their feedback.",
        version="1",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    install_error_handlers(app)
    install_docs(app)
    for module in (
        suggest,
        messages,
        parse,
        feedback,
        conversations,
        stats,
        health,
        training,
        model_versions,
        orders,
    ):
        app.include_router(module.router)
    install_console(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestLog)
    return app
