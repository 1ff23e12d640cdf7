"""An app per test on its own SQLite file, with the session's trained model, the real shop files
(plus a second shop, `rival`, to prove shops are kept apart) and a clock the test controls."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from bot.cli import main as cli

PROJECT_DIR = Path(__file__).resolve().parents[2]
# Monday 10:00 in Shanghai: the shop is open and before its shipping cutoff
NOW = datetime(2025, 3, 3, 2, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def shops_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "shops"
    directory.mkdir()
    demo = (PROJECT_DIR / "data" / "shops" / "demo.yml").read_text(encoding="utf-8")
    (directory / "demo.yml").write_text(demo, encoding="utf-8")
    rival = demo.replace("id: demo", "id: rival", 1)
    (directory / "rival.yml").write_text(rival, encoding="utf-8")
    return directory


@pytest.fixture
def settings(tmp_path: Path, shops_dir: Path) -> Settings:
    # every path the app may write lives in tmp_path; tests that train copy data/ there themselves
    return Settings(
        db_path=tmp_path / "var" / "huashu.db",
        shops_dir=shops_dir,
        models_dir=tmp_path / "models",
        data_dir=tmp_path / "data",
        demo_key_path=tmp_path / "var" / "demo.key",
    )


def create_key(settings: Settings, shop: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    args = ["--db", str(settings.db_path), "--shops", str(settings.shops_dir)]
    assert cli([*args, "keys", "create", "--shop", shop], out=out, err=err) == 0, err.getvalue()
    return out.getvalue().strip()


@pytest.fixture
def demo_key(settings: Settings) -> str:
    return create_key(settings, "demo")


@pytest.fixture
def rival_key(settings: Settings) -> str:
    return create_key(settings, "rival")


@pytest.fixture
def demo(demo_key: str) -> dict[str, str]:
    return {"X-API-Key": demo_key}


@pytest.fixture
def rival(rival_key: str) -> dict[str, str]:
    return {"X-API-Key": rival_key}


@pytest.fixture
def app(settings: Settings, nlu_model, clock: Clock):
    return create_app(settings, nlu=nlu_model, clock=clock)


@pytest.fixture
def client(app):
    with TestClient(app) as client:
        yield client


def suggest(client: TestClient, headers: dict, message: str, conversation: str = "c1", **extra):
    body = {"conversation_id": conversation, "message": message, **extra}
    response = client.post("/v1/suggest", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()
