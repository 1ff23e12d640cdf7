"""POST /v1/orders and the reminder round trip through HTTP, on a real SQLite file, with the
test's clock (Monday 2025-03-03 10:00 in Shanghai)."""

from __future__ import annotations

import pytest

from tests.api.conftest import suggest


def event(order_id="T1001", event="created", at="2025-03-03T09:00:00+08:00", **extra):
    body = {
        "order_id": order_id,
        "buyer_id": "buyer-7",
        "conversation_id": "c1",
        "items": [{"product_id": "laptop-14", "quantity": 1, "price": 3850}],
        "order_value": 3850,
        "event": event,
        "event_time": at,
    }
    return {**body, **extra}


ORDER = {
    "order_id": "T1001",
    "buyer_id": "buyer-7",
    "conversation_id": "c1",
    "status": "unpaid",
    "order_value": 3850.0,
    "items": [{"product_id": "laptop-14", "quantity": 1, "price": 3850.0, "sku_id": None}],
    "created_at": "2025-03-03T09:00:00+08:00",
    "paid_at": None,
    "cancelled_at": None,
    "refunded_at": None,
}


def test_an_event_is_recorded_once(client, demo):
    first = client.post("/v1/orders", json=event(), headers=demo)
    again = client.post("/v1/orders", json=event(order_value=1), headers=demo)
    assert (first.status_code, first.json()) == (201, ORDER)
    assert (again.status_code, again.json()) == (200, ORDER)


def test_payment_closes_the_order(client, demo):
    client.post("/v1/orders", json=event(), headers=demo)
    paid = client.post(
        "/v1/orders", json=event(event="paid", at="2025-03-03T01:30:00Z"), headers=demo
    )
    assert paid.status_code == 201
    assert paid.json() | {} == ORDER | {"status": "paid", "paid_at": "2025-03-03T09:30:00+08:00"}


@pytest.mark.parametrize(
    "change, message",
    [
        ({"event": "shipped"}, "event: must be one of 'created', 'paid', 'cancelled', 'refunded'."),
        ({"order_id": ""}, "order_id: ensure this value has at least 1 characters."),
        ({"items": []}, "items: ensure this value has at least 1 items."),
        ({"order_value": -1}, "order_value: ensure this value is greater than or equal to 0."),
        ({"event_time": "2025-03-03T09:00:00"},
         "event_time: must include a timezone offset, such as Z or +08:00."),
        ({"items": [{"product_id": "x", "quantity": 0, "price": 1}]},
         "items.0.quantity: ensure this value is greater than or equal to 1."),
        ({"coupon": "C5"}, "coupon: is not a known field."),
    ],
)  # fmt: skip
def test_bad_events_name_the_field(client, demo, change, message):
    response = client.post("/v1/orders", json=event(**change), headers=demo)
    assert response.status_code == 422
    assert response.json()["error"]["message"] == message


def test_orders_are_kept_apart_by_shop(client, demo, rival):
    client.post("/v1/orders", json=event(), headers=demo)
    theirs = client.post("/v1/orders", json=event(), headers=rival)
    assert theirs.status_code == 201
    assert client.get("/v1/reminders", headers=rival).json()["reminders"][0]["reminder_id"]
    mine = client.get("/v1/reminders", headers=demo).json()["reminders"]
    reminder_id = mine[0]["reminder_id"]
    outcome = {"result": "unreachable", "agent_id": "a1"}
    response = client.post(f"/v1/reminders/{reminder_id}/outcome", json=outcome, headers=demo)
    assert response.status_code == 200
    assert len(client.get("/v1/reminders", headers=rival).json()["reminders"]) == 1


def test_orders_need_a_key(client):
    assert client.post("/v1/orders", json=event()).status_code == 401
    assert client.get("/v1/reminders").status_code == 401


def test_reminder_round_trip(client, demo, clock):
    client.post("/v1/orders", json=event(), headers=demo)
    listed = client.get("/v1/reminders", headers=demo).json()
    assert listed["now"] == "2025-03-03T10:00:00+08:00"
    [reminder] = listed["reminders"]
    assert reminder == {
        "reminder_id": "rem-demo-T1001-20250303",
        "order_id": "T1001",
        "buyer_id": "buyer-7",
        "conversation_id": "c1",
        "order_value": 3850.0,
        "channel": "phone",
        "reason_code": "high_value",
        "reason": "order value 3850 ≥ 1000: phone",
        "due_at": "2025-03-03T10:00:00+08:00",
        "script": reminder["script"],
    }
    assert reminder["script"]["opener"] == (
        "您好，我是小浪花亲子生活馆的客服。看到您今天上午09:00拍下的14英寸轻薄笔记本"
        "（订单T1001）还没有付款，请问是付款遇到什么问题了吗？"
    )
    assert client.get("/v1/reminders", headers=demo).json()["reminders"] == [reminder]
    outcome = {"result": "paid", "agent_id": "a1", "buyer_reason": "card_limit", "amount_won": 3850}
    recorded = client.post(
        "/v1/reminders/rem-demo-T1001-20250303/outcome", json=outcome, headers=demo
    )
    assert recorded.status_code == 200
    assert recorded.json()["result"] == "paid"
    again = client.post("/v1/reminders/rem-demo-T1001-20250303/outcome", json=outcome, headers=demo)
    assert again.status_code == 409
    clock.advance(hours=7)  # the 17:00 batch: the order had its reminder today
    assert client.get("/v1/reminders", headers=demo).json()["reminders"] == []
    daily = client.get("/v1/reminders/daily", headers=demo).json()
    assert daily == {
        "day": "2025-03-03",
        "unpaid_orders": 1,
        "followed": 1,
        "converted": 1,
        "rate": 1.0,
        "amount_won": 3850.0,
        "by_channel": {"phone": {"followed": 1, "converted": 1, "rate": 1.0, "amount_won": 3850}},
        "by_reason": {
            "high_value": {"followed": 1, "converted": 1, "rate": 1.0, "amount_won": 3850}
        },
    }
    csv = client.get("/v1/reminders/log.csv?since=2025-03-03", headers=demo)
    assert csv.headers["content-type"] == "text/csv; charset=utf-8"
    assert csv.text == (
        "\ufeffreminder_id,day,order_id,buyer_id,order_value,products,channel,reason_code,"
        "result,buyer_reason,buyer_reason_text,amount_won,agent_id\n"
        "rem-demo-T1001-20250303,2025-03-03,T1001,buyer-7,3850,14英寸轻薄笔记本,phone,high_value,"
        "paid,card_limit,,3850,a1\n"
    )


@pytest.mark.parametrize(
    "body, message",
    [
        ({"result": "maybe", "agent_id": "a1"},
         "result: must be one of 'paid', 'will_pay', 'declined', 'unreachable'."),
        ({"result": "declined", "agent_id": "a1", "buyer_reason": "other"},
         "buyer_reason_text: is required when buyer_reason is 'other'."),
        ({"result": "declined", "agent_id": "a1", "amount_won": 5},
         "amount_won: is only recorded with result 'paid'."),
    ],
)  # fmt: skip
def test_bad_outcomes_name_the_field(client, demo, body, message):
    client.post("/v1/orders", json=event(), headers=demo)
    client.get("/v1/reminders", headers=demo)
    response = client.post("/v1/reminders/rem-demo-T1001-20250303/outcome", json=body, headers=demo)
    assert (response.status_code, response.json()["error"]["message"]) == (422, message)


def test_an_unknown_reminder_is_404(client, demo):
    body = {"result": "paid", "agent_id": "a1"}
    response = client.post("/v1/reminders/rem-nope/outcome", json=body, headers=demo)
    assert response.status_code == 404


def test_service_figures(client, demo, clock):
    answered = suggest(client, demo, "今天能发吗", "c1")
    clock.advance(seconds=9)
    draft_id = answered["drafts"][0]["draft_id"]
    feedback = {"draft_id": draft_id, "action": "accepted", "agent_id": "a"}
    sent = client.post(
        f"/v1/suggestions/{answered['suggestion_id']}/feedback", json=feedback, headers=demo
    )
    assert sent.status_code == 201, sent.text
    client.post("/v1/orders", json=event(), headers=demo)
    paid = event(event="paid", at="2025-03-03T10:01:00+08:00")
    client.post("/v1/orders", json=paid, headers=demo)
    figures = client.get("/v1/stats/service?since=2025-03-03&until=2025-03-03", headers=demo)
    assert figures.status_code == 200
    assert figures.json() == {
        "since": "2025-03-03T00:00:00+08:00",
        "until": "2025-03-03T23:59:59.999999+08:00",
        "inquiries": 1,
        "ordered": 1,
        "paid": 1,
        "inquiry_conversion": 1.0,
        "response_times": {
            "answered_messages": 1,
            "first_response_s": 9.0,
            "average_response_s": 9.0,
            "first_response_norm_s": 10.0,
            "average_response_norm_s": 16.0,
        },
        "messages": 1,
        "refund_requests": 0,
        "refund_share": 0.0,
        "refunds_resolved": 0,
        "refund_hours": None,
        "reminders_by_channel": {},
        "reminders_by_reason": {},
    }
    bad = client.get("/v1/stats/service?since=2025-13-01", headers=demo)
    assert (bad.status_code, bad.json()["error"]["message"]) == (
        422,
        "since: must be a date like 2026-11-30.",
    )
