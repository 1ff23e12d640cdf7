"""A message of several bubbles with a second request: the best draft answers it in one more
sentence when shop facts do, keeps the facts it used apart, and is as safe as its less safe
half; nothing is added when the agent already answered it or the bubble was read unsure.
Clock fixed: Wednesday 2026-07-15 10:30."""

from __future__ import annotations

from bot.drafting import draft_replies
from bot.nlu.understanding import understanding_from_parse
from bot.types import IntentScore, SentReply, Turn, Understanding
from tests.bot_helpers import SHOPS, at

NOW = at("2026-07-15 10:30")
INVOICE = "亲，可以开电子普通发票、增值税专用发票，下单后24小时内开好发您，下单时备注抬头就行～"
STOCK = "另外，可视空气炸锅现货充足，拍下按时给您发出～"


def best(second, history=()):
    understanding = Understanding(
        "在吗 空气炸锅有货吗 能开发票吗",
        (IntentScore("invoice_request", 0.884), IntentScore("stock_availability", 0.113)),
        second_intent=second,
    )
    return draft_replies(understanding, SHOPS["jdhome"], NOW, history=history, seed="t")[0]


def test_the_second_answer_and_its_facts_join_the_best_draft():
    draft = best(IntentScore("stock_availability", 0.985))
    assert draft.text == INVOICE + STOCK
    assert draft.tactic == "invoice"
    assert draft.facts["also"] == {"tactic": "stock_check", "item": "可视空气炸锅", "stock": 300}
    # jdhome answers only thanks and shipping questions unattended: not this stock answer
    assert (draft.needs_approval, draft.auto_send_safe) == (False, False)


def test_a_second_request_the_shop_never_answers_unattended_keeps_the_draft_attended():
    """demo answers stock questions unattended, not price ones: a running offer added to a
    stock answer waits for an agent after hours."""
    understanding = Understanding(
        "泳衣有货吗 能便宜点吗",
        (IntentScore("stock_availability", 0.6), IntentScore("price_objection", 0.4)),
        second_intent=IntentScore("price_objection", 0.99),
    )
    draft = draft_replies(understanding, SHOPS["demo"], NOW, seed="t")[0]
    assert draft.facts["also"]["tactic"] == "promotion"
    assert (draft.tactic, draft.auto_send_safe) == ("stock_check", False)


def test_a_second_request_the_agent_already_answered_is_not_repeated():
    history = (Turn("空气炸锅有货吗", (SentReply("stock_check", "有货"),)),)
    assert best(IntentScore("stock_availability", 0.985), history).text == INVOICE


def test_an_unsure_second_bubble_adds_nothing():
    assert best(IntentScore("stock_availability", 0.6)).text == INVOICE


def test_no_second_bubble_adds_nothing():
    assert best(None).text == INVOICE


def test_both_requests_answered_through_the_model(nlu_model):
    """The real parse exposes the second bubble's intent; whichever request the model puts
    first, the best draft answers both from the shop's facts."""
    parse = nlu_model.parse("在吗 空气炸锅有货吗 能开发票吗")
    draft = draft_replies(understanding_from_parse(parse), SHOPS["jdhome"], NOW, seed="t")[0]
    assert "现货" in draft.text and "发票" in draft.text and "另外，" in draft.text
