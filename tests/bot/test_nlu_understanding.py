"""From Rasa's parse dictionary to `Understanding`: the fallback flag and the second request of a
message of several bubbles, and the intent of a message with chat spellings or emoji."""

import pytest

from bot.nlu.understanding import understanding_from_parse
from bot.types import Entity, IntentScore

LOGISTICS = {"name": "logistics_tracking", "confidence": 0.81}


def parse(intent=LOGISTICS, bubbles=None, **extra):
    ranking = [intent, {"name": "shipping_time", "confidence": 0.1}]
    result = {"text": "你好 快递到哪了 发票能开吗", "intent": intent, "intent_ranking": ranking}
    if bubbles is not None:
        result["bubbles"] = [
            {"text": text, "intent": {"name": name, "confidence": confidence}}
            for text, name, confidence in bubbles
        ]
    return {**result, **extra}


def test_a_second_request_in_a_later_bubble_is_exposed():
    understanding = understanding_from_parse(
        parse(
            bubbles=[
                ("你好", "greet", 0.97),
                ("快递到哪了", "logistics_tracking", 0.9),
                ("发票能开吗", "invoice_request", 0.88),
            ]
        )
    )
    assert (understanding.intent, understanding.second_intent) == (
        "logistics_tracking",
        IntentScore("invoice_request", 0.88),
    )


def test_bubbles_that_ask_for_nothing_or_repeat_the_intent_are_no_second_request():
    understanding = understanding_from_parse(
        parse(
            bubbles=[
                ("人呢", "greet", 0.7),
                ("快递到哪了", "logistics_tracking", 0.9),
                ("急用", "out_of_scope", 0.6),
                ("谢谢", "thanks", 0.95),
            ]
        )
    )
    assert understanding.second_intent is None


def test_an_unsure_bubble_is_no_second_request():
    bubbles = [("快递到哪了", "logistics_tracking", 0.9), ("那个呢", "stock_availability", 0.31)]
    assert understanding_from_parse(parse(bubbles=bubbles)).second_intent is None


def test_a_single_bubble_has_no_second_intent_and_the_fallback_leaves_the_ranking():
    fallback = {"name": "nlu_fallback", "confidence": 0.5}
    understanding = understanding_from_parse(
        parse(
            intent=fallback,
            intent_ranking=[fallback, LOGISTICS],
            entities=[{"entity": "order_id", "value": "4012345678", "start": 0, "end": 10}],
        )
    )
    assert understanding.fallback is True
    assert understanding.intent_ranking == (IntentScore("logistics_tracking", 0.81),)
    assert understanding.second_intent is None
    assert understanding.entities == (Entity("order_id", "4012345678", "4012345678", 0, 10),)


@pytest.mark.parametrize(
    "noisy, plain, intent",
    [
        ("有没有优惠卷", "有没有优惠券", "price_objection"),
        ("那我在考虑一下", "那我再考虑一下", "hesitation"),
        ("kd到哪了", "快递到哪了", "logistics_tracking"),
        ("付不了款#E-s12", "付不了款", "payment_issue"),
        ("肿么开发票[微笑]", "怎么开发票", "invoice_request"),
    ],
)
def test_chat_spellings_and_emoji_do_not_change_the_intent(nlu_model, noisy, plain, intent):
    noisy_parse, plain_parse = nlu_model.parse(noisy), nlu_model.parse(plain)
    assert noisy_parse["intent"] == plain_parse["intent"]
    assert understanding_from_parse(noisy_parse).intent == intent
