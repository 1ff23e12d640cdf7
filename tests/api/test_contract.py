"""The OpenAPI document is the contract: schemathesis generates requests from it (valid and
invalid), sends them to a live server, and every answer must be a documented status with a body
matching its schema, and never a server error. Bounded: a few dozen examples per operation."""

from __future__ import annotations

import shutil

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from api.main import create_app
from bot.training.runs import Candidate
from tests.api.conftest import create_key
from tests.api.live_server import serving
from tests.api.training_helpers import copy_data, trainer_headers

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# per operation and mode (valid, invalid): ~270 requests, under a minute on an idle machine
EXAMPLES_PER_OPERATION = 8


@pytest.fixture(scope="module")
def live(tmp_path_factory, nlu_model, trained_model_path):
    """One server for the module, with a quick candidate so that POST /v1/training/runs does not
    train a real model for every generated request."""
    from api.settings import Settings
    from tests.api.conftest import PROJECT_DIR

    root = tmp_path_factory.mktemp("contract")
    shops = root / "shops"
    shops.mkdir()
    shutil.copy(PROJECT_DIR / "data" / "shops" / "demo.yml", shops / "demo.yml")
    settings = Settings(
        db_path=root / "var" / "huashu.db",
        shops_dir=shops,
        models_dir=root / "models",
        data_dir=copy_data(root),
        demo_key_path=root / "var" / "demo.key",
    )

    def candidate(train_examples, held_out, out_dir, version):
        out_dir.mkdir(parents=True, exist_ok=True)
        archive = shutil.copy(trained_model_path, out_dir / f"{version}.tar.gz")
        report = {"accuracy": 0.0, "macro_f1": 0.0, "size": 1, "per_intent_f1": {}}
        return Candidate(archive=archive, model=nlu_model, report=report)

    app = create_app(settings, nlu=nlu_model, candidate_fn=candidate)
    agent = {"X-API-Key": create_key(settings, "demo")}
    trainer = trainer_headers(settings)
    with serving(app) as base_url:
        yield {"url": base_url, "agent": agent, "trainer": trainer, "openapi": app.openapi()}


def _operations() -> list:
    """(method, path, mode) for every operation; invalid requests only where there is something
    to make invalid (parameters or a body)."""
    from api.settings import Settings

    paths = create_app(Settings()).openapi()["paths"]
    cases = []
    for path, item in paths.items():
        for method, operation in item.items():
            modes = [GenerationMode.POSITIVE]
            if operation.get("parameters") or operation.get("requestBody"):
                modes.append(GenerationMode.NEGATIVE)
            cases += [(method.upper(), path, mode) for mode in modes]
    return cases


@pytest.fixture(scope="module")
def api_schema(live):
    return schemathesis.openapi.from_dict(live["openapi"])


@pytest.mark.parametrize("method, path, mode", _operations())
def test_every_operation_keeps_its_contract(api_schema, live, method, path, mode):
    operation = api_schema[path][method]
    trainer_paths = ("/v1/training", "/v1/models")
    key = live["trainer"] if path.startswith(trainer_paths) else live["agent"]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def keeps_contract(case) -> None:
        # the generated X-API-Key (if any) is replaced: auth failures are tested in test_auth.py
        headers = {**(case.headers or {}), **key}
        with requests.Session() as session:
            case.call_and_validate(
                base_url=live["url"], session=session, headers=headers, checks=CHECKS
            )

    keeps_contract()
