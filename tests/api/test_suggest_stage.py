"""POST /v1/suggest with the buyer's order status (issue 15): a paid buyer's price question gets
price protection, not a sales push; an unknown status is a 422 that names the field."""

from __future__ import annotations

from tests.api.conftest import suggest


def tactics(body):
    return [draft["tactic"] for draft in body["drafts"]]


def test_paid_buyer_gets_no_sales_push(client, demo):
    body = suggest(client, demo, "还能便宜点吗", order_status="paid")
    assert body["intent"] == "price_objection"
    assert tactics(body) == ["price_protection"]


def test_without_a_status_the_same_question_gets_the_coupon(client, demo):
    assert tactics(suggest(client, demo, "还能便宜点吗", conversation="c2"))[0] == "coupon"


def test_earlier_message_in_the_conversation_sets_the_stage(client, demo):
    suggest(client, demo, "我已经付款了", conversation="c3")
    assert tactics(suggest(client, demo, "还能便宜点吗", conversation="c3")) == ["price_protection"]


def test_unknown_status_is_refused_and_names_the_field(client, demo):
    body = {"conversation_id": "c1", "message": "在吗", "order_status": "lost"}
    response = client.post("/v1/suggest", json=body, headers=demo)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert error["message"].startswith("order_status: ")
