"""Service figures and the supervisor's report on a real SQLite file: inquiries → orders → paid,
response times against the 10 s / 16 s norms, refund share and time, reminder conversion."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.cli import main
from bot.figures import ChannelFigures, sales_figures
from bot.orders import OrderEvent, OrderItem
from bot.reminders import ReminderDesk
from bot.shop.loader import load_shop
from bot.store import Store
from bot.store.orders import Outcome
from bot.store.records import FeedbackRecord, NewSuggestion
from bot.types import Draft, IntentScore, Understanding

PROJECT_DIR = Path(__file__).resolve().parents[2]
# Monday 2025-03-03 10:00 in Shanghai
START = datetime(2025, 3, 3, 2, 0, tzinfo=timezone.utc)


def at(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)


def ask(store, conversation, text, intent, seconds, answer_after=None):
    drafts = (Draft("好的亲", "greeting", needs_approval=False),)
    understanding = Understanding(text, (IntentScore(intent, 0.9),))
    stored = store.log.record_suggestion(
        NewSuggestion("demo", conversation, text, understanding, drafts, "m1", at(seconds))
    )
    if answer_after is not None:
        draft = stored.drafts[0]
        store.log.record_feedback(
            "demo",
            FeedbackRecord(
                stored.suggestion_id, draft.draft_id, "accepted", draft.text, draft.text, "a1",
                at(seconds + answer_after),
            ),
        )  # fmt: skip


def order_event(store, order_id, conversation, event, seconds, value=3850):
    item = OrderItem("laptop-14", 1, value)
    store.orders.record(
        "demo",
        OrderEvent(order_id, "b-" + order_id, event, at(seconds), value, (item,), conversation),
        at(seconds),
    )


@pytest.fixture
def shop():
    return load_shop(PROJECT_DIR / "data" / "shops" / "demo.yml", today=date(2025, 3, 3))


@pytest.fixture
def store(tmp_path, shop):
    store = Store.open(tmp_path / "huashu.db", START)
    # c1: asks twice (answered after 8 s and 20 s), orders and pays
    ask(store, "c1", "这个笔记本有货吗", "stock_availability", 0, answer_after=8)
    ask(store, "c1", "今天能发吗", "shipping_time", 60, answer_after=20)
    order_event(store, "T1", "c1", "created", 120)
    order_event(store, "T1", "c1", "paid", 180)
    # c2: asks (answered after 12 s), orders, does not pay; a reminder wins it back by phone
    ask(store, "c2", "能便宜点吗", "price_objection", 0, answer_after=12)
    order_event(store, "T2", "c2", "created", -3600)
    # c3: wants a refund, never answered; refunded 6 hours later
    ask(store, "c3", "我要退货", "refund_intent", 30)
    order_event(store, "T3", "c3", "created", -86400)
    order_event(store, "T3", "c3", "paid", -86000)
    order_event(store, "T3", "c3", "refunded", 30 + 6 * 3600)
    desk = ReminderDesk(store, {"demo": shop}, lambda: START)
    [due] = desk.due("demo")
    desk.record_outcome(
        "demo", due.reminder.reminder_id, Outcome("paid", "a1", "card_limit", None, 3850)
    )
    yield store
    store.close()


def test_figures_of_the_day(store, shop):
    figures = sales_figures(store, shop, START - timedelta(hours=2), START + timedelta(hours=8))
    assert (figures.inquiries, figures.ordered, figures.paid) == (3, 2, 1)
    assert figures.inquiry_conversion == pytest.approx(1 / 3)
    assert figures.answered_messages == 3
    assert figures.first_response_s == pytest.approx((8 + 12) / 2)
    assert figures.average_response_s == pytest.approx((8 + 20 + 12) / 3)
    assert (figures.messages, figures.refund_requests, figures.refund_share) == (4, 1, 0.25)
    assert (figures.refunds_resolved, figures.refund_hours) == (1, pytest.approx(6.0))
    won = ChannelFigures(followed=1, converted=1, amount_won=3850)
    assert figures.reminders_by_channel == {"phone": won}
    assert figures.reminders_by_reason == {"high_value": won}


def test_report_command_writes_markdown_and_charts(store, tmp_path):
    shops = tmp_path / "shops"
    shops.mkdir()
    (shops / "demo.yml").write_bytes((PROJECT_DIR / "data" / "shops" / "demo.yml").read_bytes())
    out, err = io.StringIO(), io.StringIO()
    argv = ["--db", str(tmp_path / "huashu.db"), "--shops", str(shops), "report"]
    argv += ["--since", "2025-03-03", "--until", "2025-03-03", "--out", str(tmp_path / "r")]
    assert main(argv, clock=lambda: START, out=out, err=err) == 0, err.getvalue()
    assert out.getvalue() == f"report: {tmp_path / 'r' / 'report.md'}\n"
    report = (tmp_path / "r" / "report.md").read_text(encoding="utf-8")
    assert "- paid: 1 (询单转化率 33.3%)" in report
    assert "- first reply: 10.0 s, norm ≤ 10 s: within the norm" in report
    assert "- average reply: 13.3 s, norm ≤ 16 s: within the norm" in report
    assert "| phone | 1 | 1 | 100.0% | 3850 |" in report
    for chart in ("funnel.png", "response_times.png", "reminders.png"):
        assert (tmp_path / "r" / chart).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    "dates, message",
    [
        (["--since", "2025-03-04", "--until", "2025-03-03"],
         "error: --since 2025-03-04 is after --until 2025-03-03.\n"),
    ],
)  # fmt: skip
def test_report_refuses_a_backwards_period(tmp_path, dates, message):
    out, err = io.StringIO(), io.StringIO()
    argv = ["--db", str(tmp_path / "h.db"), "--shops", str(PROJECT_DIR / "data" / "shops")]
    assert main([*argv, "report", *dates], out=out, err=err) == 2
    assert err.getvalue() == message


def test_report_names_the_known_shops_for_an_unknown_one(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    shops = PROJECT_DIR / "data" / "shops"
    argv = ["--db", str(tmp_path / "h.db"), "--shops", str(shops), "report", "--shop", "nosuch"]
    argv += ["--since", "2025-03-03", "--until", "2025-03-03"]
    assert main(argv, out=out, err=err) == 2
    assert (
        err.getvalue()
        == f"error: Unknown shop 'nosuch': {shops} has no such shop (demo, jdhome).\n"
    )
