"""`make screenshots`: every console page at 1366×768 as a PNG in docs/screenshots/.

Serves the app on a free loopback port with a temporary database, the newest model in models/
(or HUASHU_MODEL_PATH) and a fixed clock, seeds a morning's conversations through the API,
then drives Debian's Chromium through the pages as an agent and as a trainer."""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

from api.main import create_app
from api.settings import Settings
from bot.accounts import Accounts
from bot.store import Store
from bot.store.keys import AGENT_ROLE, TRAINER_ROLE
from tests.console.live import VIEWPORT, launch_chromium, live_server

# Monday 10:00 in Shanghai; the follow-up arrived at 02:00, while the demo shop was closed
MORNING = datetime(2025, 3, 3, 2, 0, tzinfo=timezone.utc)
NIGHT = MORNING - timedelta(hours=8)
PASSWORD = "screenshots-only"
MESSAGES = (
    ("c-1001", "能便宜点吗", "accepted"),
    ("c-1002", "别家才79", "edited"),
    ("c-1003", "宝宝两岁穿多大", "accepted"),
    ("c-1004", "我要退货", "rejected"),
    ("c-1005", "快递到哪了", None),
    ("c-1006", "这款泳衣有110的吗", "accepted"),
    ("c-1006", "能便宜点吗", None),
)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _accounts_and_key(settings: Settings) -> str:
    store = Store.open(settings.db_path, MORNING)
    try:
        accounts = Accounts(store, lambda: MORNING)
        accounts.create("xiaowang", PASSWORD, role=AGENT_ROLE, shop_id="demo")
        accounts.create("laoshi", PASSWORD, role=TRAINER_ROLE, shop_id=None)
        key = store.keys.create("demo", MORNING).key
    finally:
        store.close()
    return key


def _seed(base: str, key: str, clock: Clock) -> None:
    headers = {"X-API-Key": key}
    clock.now = NIGHT
    night = {"conversation_id": "c-0999", "message": "在吗？泳衣今天还能发货吗"}
    httpx.post(f"{base}/v1/messages", json=night, headers=headers).raise_for_status()
    clock.now = MORNING
    for conversation, message, verdict in MESSAGES:
        clock.now += timedelta(minutes=3)
        body = {"conversation_id": conversation, "message": message, "agent_id": "xiaowang"}
        suggestion = httpx.post(f"{base}/v1/suggest", json=body, headers=headers).json()
        if verdict and suggestion["drafts"]:
            draft = suggestion["drafts"][0]
            feedback = {"action": verdict, "agent_id": "xiaowang", "draft_id": draft["draft_id"]}
            if verdict == "edited":
                feedback["final_text"] = draft["text"] + "有问题随时找我～"
            url = f"{base}/v1/suggestions/{suggestion['suggestion_id']}/feedback"
            httpx.post(url, json=feedback, headers=headers).raise_for_status()
    clock.now += timedelta(minutes=4)


def _log_in(page, name: str) -> None:
    page.goto("/console/login")
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()


def _shoot(page, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    page.screenshot(path=str(path))
    print(f"wrote {path}")


def _pages(browser, base: str, out: Path) -> None:
    context = browser.new_context(viewport=VIEWPORT, base_url=base, locale="zh-CN")
    page = context.new_page()
    page.goto("/console/login")
    _shoot(page, out, "login")
    _log_in(page, "xiaowang")
    _shoot(page, out, "inbox")
    page.goto("/console/conversations/c-1006")
    page.keyboard.press("2")
    _shoot(page, out, "conversation")
    page.keyboard.press("e")
    _shoot(page, out, "conversation-edit")
    page.goto("/console/stats")
    _shoot(page, out, "stats")
    trainer = browser.new_context(viewport=VIEWPORT, base_url=base, locale="zh-CN").new_page()
    _log_in(trainer, "laoshi")
    _shoot(trainer, out, "review")
    trainer.goto("/console/training/examples")
    _shoot(trainer, out, "examples")
    trainer.goto("/console/training")
    _shoot(trainer, out, "training")


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    clock = Clock(MORNING)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_path=Path(tmp) / "huashu.db")
        key = _accounts_and_key(settings)
        with live_server(create_app(settings, clock=clock)) as base:
            _seed(base, key, clock)
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                try:
                    _pages(browser, base, out)
                finally:
                    browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
