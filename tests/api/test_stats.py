"""Per intent and per tactic: how many suggestions, and how agents judged them, in a window."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.api.conftest import suggest


def give(client, headers, made, action, draft=0, **body):
    draft_id = made["drafts"][draft]["draft_id"] if draft is not None else None
    body = {"action": action, "agent_id": "a1", "draft_id": draft_id, **body}
    url = f"/v1/suggestions/{made['suggestion_id']}/feedback"
    assert client.post(url, json=body, headers=headers).status_code == 201


def outcome(suggestions, with_feedback, accepted, edited, rejected):
    def rate(count):
        return round(count / with_feedback, 4) if with_feedback else None

    return {
        "suggestions": suggestions,
        "with_feedback": with_feedback,
        "accepted": accepted,
        "edited": edited,
        "rejected": rejected,
        "acceptance_rate": rate(accepted),
        "edit_rate": rate(edited),
        "rejection_rate": rate(rejected),
    }


def test_stats_over_the_default_window(client, demo, clock):
    clock.advance(days=-8)
    suggest(client, demo, "能便宜点吗")
    clock.advance(days=8)
    price = [suggest(client, demo, "能便宜点吗", conversation=f"p{i}") for i in range(3)]
    greet = suggest(client, demo, "在吗", conversation="g1")
    give(client, demo, price[0], "accepted")
    give(client, demo, price[1], "edited", final_text="亲，给您申请了优惠")
    give(client, demo, price[2], "rejected", draft=None)
    give(client, demo, greet, "accepted")
    stats = client.get("/v1/stats", headers=demo).json()
    # shown in the shop's timezone (Asia/Shanghai), like every time in a shop's responses
    assert (stats["since"], stats["until"]) == (
        "2025-02-24T10:00:00+08:00",
        "2025-03-03T10:00:00+08:00",
    )
    assert stats["by_intent"] == [
        {"intent": "price_objection", **outcome(3, 3, 1, 1, 1)},
        {"intent": "greet", **outcome(1, 1, 1, 0, 0)},
    ]
    tactics = {row.pop("tactic"): row for row in stats["by_tactic"]}
    first_price_tactic = price[0]["drafts"][0]["tactic"]
    assert tactics[first_price_tactic] == outcome(3, 3, 1, 1, 1)
    assert tactics[greet["drafts"][0]["tactic"]] == outcome(1, 1, 1, 0, 0)


def test_stats_over_an_explicit_window(client, demo, clock):
    suggest(client, demo, "能便宜点吗")
    clock.advance(hours=2)
    suggest(client, demo, "在吗")
    query = "since=2025-03-03T03:00:00Z&until=2025-03-03T12:00:00%2B08:00"
    stats = client.get(f"/v1/stats?{query}", headers=demo).json()
    assert (stats["since"], stats["until"]) == (
        "2025-03-03T11:00:00+08:00",
        "2025-03-03T12:00:00+08:00",
    )
    assert stats["by_intent"] == [{"intent": "greet", **outcome(1, 0, 0, 0, 0)}]


def test_stats_of_a_quiet_shop(client, demo):
    stats = client.get("/v1/stats", headers=demo).json()
    assert (stats["by_intent"], stats["by_tactic"]) == ([], [])


def test_a_date_is_a_whole_day_in_the_shops_timezone(client, demo, clock):
    # 2025-03-02 23:30 and 2025-03-03 00:30 in Shanghai: one message on each local day
    clock.now = datetime(2025, 3, 2, 15, 30, tzinfo=timezone.utc)
    suggest(client, demo, "在吗", conversation="before")
    clock.advance(hours=1)
    suggest(client, demo, "能便宜点吗", conversation="on")
    clock.advance(hours=1)
    stats = client.get("/v1/stats?since=2025-03-03&until=2025-03-03", headers=demo).json()
    assert (stats["since"], stats["until"]) == (
        "2025-03-03T00:00:00+08:00",
        "2025-03-03T23:59:59.999999+08:00",
    )
    assert stats["by_intent"] == [{"intent": "price_objection", **outcome(1, 0, 0, 0, 0)}]
    since_only = client.get("/v1/stats?since=2025-03-02", headers=demo).json()
    assert [row["intent"] for row in since_only["by_intent"]] == ["greet", "price_objection"]


def test_verdicts_count_once_per_suggestion_by_intent_and_once_per_draft_by_tactic(client, demo):
    made = suggest(client, demo, "能便宜点吗")
    assert len(made["drafts"]) >= 2
    give(client, demo, made, "rejected", draft=1)
    give(client, demo, made, "accepted", draft=0)
    stats = client.get("/v1/stats", headers=demo).json()
    # the suggestion's outcome is its best verdict, whatever the order they came in
    assert stats["by_intent"] == [{"intent": "price_objection", **outcome(1, 1, 1, 0, 0)}]
    tactics = {row.pop("tactic"): row for row in stats["by_tactic"]}
    first, second = (draft["tactic"] for draft in made["drafts"][:2])
    assert (tactics[first], tactics[second]) == (outcome(1, 1, 1, 0, 0), outcome(1, 1, 0, 0, 1))


def order(order_id, conversation, value, events):
    """The order's events, each (event, local time on 2025-03-03)."""
    return [
        {
            "order_id": order_id,
            "buyer_id": f"buyer-{order_id}",
            "conversation_id": conversation,
            "items": [{"product_id": "laptop-14", "quantity": 1, "price": value}],
            "order_value": value,
            "event": name,
            "event_time": f"2025-03-03T{at}+08:00",
        }
        for name, at in events
    ]


def answer(client, headers, clock, made, seconds, action="accepted"):
    """The agent uses the first draft `seconds` after the buyer's message."""
    clock.advance(seconds=seconds)
    extra = {"final_text": "亲，这边帮您看一下"} if action == "edited" else {}
    give(client, headers, made, action, **extra)


def service_day(client, demo, clock):
    """A morning of the demo shop (Monday 2025-03-03, Shanghai), from 10:00:00."""
    for body in (
        order("T1", "c1", 3850, [("created", "10:01:00"), ("paid", "10:02:00")])
        + order("T2", "c2", 3850, [("created", "09:30:00"), ("paid", "09:40:00")])
        + order("T3", "c3", 50, [("created", "09:00:00")])
        + order("T4", None, 3850, [("created", "09:00:00")])
    ):
        assert client.post("/v1/orders", json=body, headers=demo).status_code == 201
    # the 10:00 batch: T3 by SMS (low value), T4 by phone (high value)
    due = client.get("/v1/reminders", headers=demo).json()["reminders"]
    assert [(r["order_id"], r["channel"], r["due_at"]) for r in due] == [
        ("T3", "sms", "2025-03-03T10:00:00+08:00"),
        ("T4", "phone", "2025-03-03T10:00:00+08:00"),
    ]
    outcomes = {
        "T3": {"result": "declined", "agent_id": "a1", "buyer_reason": "price"},
        "T4": {"result": "paid", "agent_id": "a1", "amount_won": 3850},
    }
    for reminder in due:
        url = f"/v1/reminders/{reminder['reminder_id']}/outcome"
        body = outcomes[reminder["order_id"]]
        assert client.post(url, json=body, headers=demo).status_code == 200
    answer(client, demo, clock, suggest(client, demo, "今天能发吗", "c1"), 8)
    answer(client, demo, clock, suggest(client, demo, "能便宜点吗", "c1"), 20, "edited")
    refund = suggest(client, demo, "我要退货", "c2")  # at 10:00:28
    assert refund["intent"] == "refund_intent"
    answer(client, demo, clock, refund, 5)
    suggest(client, demo, "在吗", "c3")  # at 10:00:33, never answered
    refunded = order("T2", "c2", 3850, [("refunded", "12:00:28")])[0]
    assert client.post("/v1/orders", json=refunded, headers=demo).status_code == 201


def test_stats_add_the_service_figures_of_the_window(client, demo, clock):
    service_day(client, demo, clock)
    query = "since=2025-03-03&until=2025-03-03"
    stats = client.get(f"/v1/stats?{query}", headers=demo).json()
    assert stats["service"] == {
        "since": "2025-03-03T00:00:00+08:00",
        "until": "2025-03-03T23:59:59.999999+08:00",
        "inquiries": 3,
        "ordered": 3,
        "paid": 2,
        "order_rate": 1.0,
        "inquiry_conversion": 0.6667,
        "response_times": {
            "answered_messages": 3,
            # first replies: c1 8 s, c2 5 s; all replies: 8, 20 and 5 s
            "first_response_s": 6.5,
            "average_response_s": 11.0,
            "first_response_norm_s": 10.0,
            "average_response_norm_s": 16.0,
        },
        "messages": 4,
        "refund_requests": 1,
        "refund_share": 0.25,
        "refunds_resolved": 1,
        "refund_hours": 2.0,
        "reminders_by_channel": {
            "phone": {"followed": 1, "converted": 1, "rate": 1.0, "amount_won": 3850.0},
            "sms": {"followed": 1, "converted": 0, "rate": 0.0, "amount_won": 0.0},
        },
        "reminders_by_reason": {
            "high_value": {"followed": 1, "converted": 1, "rate": 1.0, "amount_won": 3850.0},
            "low_value": {"followed": 1, "converted": 0, "rate": 0.0, "amount_won": 0.0},
        },
    }
    # the same computation answers GET /v1/stats/service
    alone = client.get(f"/v1/stats/service?{query}", headers=demo)
    assert (alone.status_code, alone.json()) == (200, stats["service"])


def test_service_figures_follow_a_window_of_date_times(client, demo, clock):
    service_day(client, demo, clock)
    # 10:00:01 to 10:00:10: c1's two messages; the orders and the 10:00 reminders fall outside
    query = "since=2025-03-03T10:00:01%2B08:00&until=2025-03-03T02:00:10Z"
    service = client.get(f"/v1/stats?{query}", headers=demo).json()["service"]
    assert service == {
        "since": "2025-03-03T10:00:01+08:00",
        "until": "2025-03-03T10:00:10+08:00",
        "inquiries": 1,
        "ordered": 0,
        "paid": 0,
        "order_rate": 0.0,
        "inquiry_conversion": 0.0,
        "response_times": {
            "answered_messages": 1,
            "first_response_s": 20.0,
            "average_response_s": 20.0,
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


def test_a_quiet_shop_has_empty_service_figures(client, demo):
    service = client.get("/v1/stats", headers=demo).json()["service"]
    assert (service["since"], service["until"]) == (
        "2025-02-24T10:00:00+08:00",
        "2025-03-03T10:00:00+08:00",
    )
    assert {key: value for key, value in service.items() if key not in ("since", "until")} == {
        "inquiries": 0,
        "ordered": 0,
        "paid": 0,
        "order_rate": None,
        "inquiry_conversion": None,
        "response_times": {
            "answered_messages": 0,
            "first_response_s": None,
            "average_response_s": None,
            "first_response_norm_s": 10.0,
            "average_response_norm_s": 16.0,
        },
        "messages": 0,
        "refund_requests": 0,
        "refund_share": None,
        "refunds_resolved": 0,
        "refund_hours": None,
        "reminders_by_channel": {},
        "reminders_by_reason": {},
    }


@pytest.mark.parametrize("path", ["/v1/stats", "/v1/stats/service"])
@pytest.mark.parametrize(
    "query, message",
    [
        ("since=2025-13-01",
         "since: must be an ISO 8601 date-time, such as 2025-03-01T10:00:00+08:00, or a date."),
        ("until=2025-03-03T10:00:00",
         "until: must include a timezone offset, such as Z or %2B08:00."),
        ("since=2025-03-04&until=2025-03-03", "since: must be earlier than until."),
    ],
)  # fmt: skip
def test_a_bad_window_names_the_parameter(client, demo, path, query, message):
    response = client.get(f"{path}?{query}", headers=demo)
    assert (response.status_code, response.json()["error"]["message"]) == (422, message)


def test_service_figures_count_only_the_callers_shop(client, demo, rival, clock):
    service_day(client, demo, clock)
    query = "since=2025-03-03&until=2025-03-03"
    theirs = client.get(f"/v1/stats?{query}", headers=rival).json()["service"]
    assert (theirs["inquiries"], theirs["messages"], theirs["reminders_by_channel"]) == (0, 0, {})
