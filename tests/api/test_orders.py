"""POST /v1/orders and the reminder round trip through HTTP, on a real SQLite file, with the
test's clock (Monday 2025-03-03 10:00 in Shanghai)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest


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
        ({"order_id": ""}, "order_id: must not be empty or whitespace only."),
        ({"order_id": "T1001/2"}, "order_id: must not contain '/' or control characters."),
        ({"buyer_id": "b\x007"}, "buyer_id: must not contain '/' or control characters."),
        ({"conversation_id": "\ud800"},
         "conversation_id: must be valid Unicode text "
         "(it holds a lone surrogate such as \\ud800)."),
        ({"order_id": 1001}, "order_id: must be a string."),
        ({"order_id": "T" * 129}, "order_id: must be at most 128 characters (got 129)."),
        ({"items": []}, "items: ensure this value has at least 1 items."),
        ({"items": [["laptop-14"]]}, "items.0: value is not a valid dict."),
        ({"order_value": -1}, "order_value: must be a number from 0 to 10,000,000."),
        ({"order_value": 10**3999}, "order_value: must be a number from 0 to 10,000,000."),
        ({"order_value": "3850"}, "order_value: must be a number."),
        ({"event_time": "2025-03-03T09:00:00"},
         "event_time: must include a timezone offset, such as +08:00 or Z."),
        ({"event_time": "0001-01-01T00:00:00+08:00"},
         "event_time: must be between 1970-01-01T00:00:00Z and 2999-12-31T23:59:59Z."),
        ({"event_time": None}, "event_time: must not be null."),
        ({"items": [{"product_id": "x", "quantity": 0, "price": 1}]},
         "items.0.quantity: ensure this value is greater than or equal to 1."),
        ({"coupon": "C5"}, "coupon: is not a known field."),
    ],
)  # fmt: skip
def test_bad_events_name_the_field(client, demo, change, message):
    # json.dumps escapes a lone surrogate (\\ud800), which httpx's own encoder cannot send
    body = json.dumps(event(**change))
    headers = {**demo, "Content-Type": "application/json"}
    response = client.post("/v1/orders", content=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["error"]["message"] == message


def test_an_order_id_of_any_other_characters_reads_back_through_its_reminder(client, demo):
    order_id = "订单 #1?"
    assert client.post("/v1/orders", json=event(order_id), headers=demo).status_code == 201
    [reminder] = client.get("/v1/reminders", headers=demo).json()["reminders"]
    assert reminder["reminder_id"] == "rem-demo-订单 #1?-20250303"
    url = f"/v1/reminders/{quote(reminder['reminder_id'], safe='')}/outcome"
    body = {"result": "will_pay", "agent_id": "小王 #2"}
    recorded = client.post(url, json=body, headers=demo).json()
    assert (recorded["order_id"], recorded["agent_id"]) == (order_id, "小王 #2")


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
        ({"result": "paid", "agent_id": "a/1"},
         "agent_id: must not contain '/' or control characters."),
        ({"result": "paid", "agent_id": "a1", "amount_won": 10**40},
         "amount_won: must be a number from 0 to 10,000,000."),
        ({"result": "declined", "agent_id": "a1", "buyer_reason": "other",
          "buyer_reason_text": " \u3000"},
         "buyer_reason_text: must not be empty or whitespace only."),
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
