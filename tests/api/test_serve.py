"""`python -m api` start-up chores: the demo key is created once, kept private, and reused."""

from __future__ import annotations

import io
import stat

import pytest

from api.main import model_path
from api.serve import announce, ensure_demo_key
from bot.store import Store
from tests.api.conftest import NOW


def test_demo_key_is_created_once_and_then_reused(settings):
    key, created = ensure_demo_key(settings, NOW)
    again, created_again = ensure_demo_key(settings, NOW)
    assert (created, created_again, again) == (True, False, key)
    assert settings.demo_key_path.read_text() == key + "\n"
    assert stat.S_IMODE(settings.demo_key_path.stat().st_mode) == 0o600
    store = Store.open(settings.db_path, NOW)
    assert store.keys.shop_for(key) == "demo"
    assert [info.shop_id for info in store.keys.list()] == ["demo"]
    store.close()


def test_a_revoked_demo_key_is_replaced(settings):
    key, _ = ensure_demo_key(settings, NOW)
    store = Store.open(settings.db_path, NOW)
    store.keys.revoke(key.split("_")[1], NOW)
    store.close()
    replacement, created = ensure_demo_key(settings, NOW)
    assert created is True
    assert replacement != key


def test_announcement_names_the_key_and_where_it_is_kept(settings):
    out = io.StringIO()
    announce("hsk_x", False, settings, out)
    assert out.getvalue() == f"Demo shop 'demo' API key (from {settings.demo_key_path}): hsk_x\n"


def test_missing_model_is_reported_in_a_sentence(settings, tmp_path):
    empty = settings.copy(update={"models_dir": tmp_path / "no-models"})
    with pytest.raises(
        FileNotFoundError, match=r"no trained model at .*no-models/: run `make train`"
    ):
        model_path(empty)
