"""One structured log record per request, with latency and shop, and never the API key."""

from __future__ import annotations

import logging

from api.logs import JsonFormatter
from tests.api.conftest import suggest


def request_records(caplog):
    return [r for r in caplog.records if r.name == "huashu.api.requests"]


def test_one_record_per_request_without_the_key(client, demo, demo_key, caplog):
    caplog.set_level(logging.INFO, logger="huashu.api.requests")
    suggest(client, demo, "能便宜点吗")
    client.get("/v1/stats", headers={"X-API-Key": demo_key + "x"})
    records = request_records(caplog)
    fields = [dict(r.fields) for r in records]
    latencies = [f.pop("latency_ms") for f in fields]
    assert fields == [
        {"method": "POST", "path": "/v1/suggest", "status": 200, "shop_id": "demo"},
        {"method": "GET", "path": "/v1/stats", "status": 401, "shop_id": None},
    ]
    assert all(isinstance(latency, float) and latency >= 0 for latency in latencies)
    formatted = [JsonFormatter().format(r) for r in records]
    assert not any(demo_key[4:] in line for line in formatted)


def test_formatter_writes_one_json_object_per_line():
    record = logging.LogRecord("huashu.api.requests", logging.INFO, "", 0, "request", (), None)
    record.created = 0
    record.process = 4321
    record.fields = {"path": "/v1/suggest", "status": 200}
    assert JsonFormatter().format(record) == (
        '{"at": "1970-01-01T00:00:00+00:00", "level": "info", "logger": "huashu.api.requests", '
        '"message": "request", "pid": 4321, "path": "/v1/suggest", "status": 200}'
    )
