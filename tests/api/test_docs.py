"""/docs and /redoc load only what the app serves itself: they work offline."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_use_only_assets_the_app_serves(client, page):
    html = client.get(page)
    assert html.status_code == 200
    urls = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html.text)
    urls += re.findall(r"""url: ['"]([^'"]+)['"]""", html.text)
    assert urls and all(url.startswith("/") for url in urls), urls
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_the_openapi_document_names_the_error_statuses(client):
    operations = client.get("/openapi.json").json()["paths"]
    suggest = operations["/v1/suggest"]["post"]["responses"]
    runs = operations["/v1/training/runs"]["post"]["responses"]
    assert (sorted(suggest), sorted(runs)) == (
        ["200", "400", "401", "413", "422"],
        ["202", "401", "403", "409"],
    )
    error = suggest["422"]["content"]["application/json"]["schema"]
    assert error == {"$ref": "#/components/schemas/ErrorOut"}
