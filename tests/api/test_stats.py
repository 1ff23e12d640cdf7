"""Per intent and per tactic: how many suggestions, and how agents judged them, in a window."""

from __future__ import annotations

from datetime import datetime, timezone

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
