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


def test_a_replaced_key_file_revokes_the_previous_demo_key(settings):
    key, _ = ensure_demo_key(settings, NOW)
    settings.demo_key_path.write_text("hsk_000000000000_not-a-live-key\n")
    replacement, created = ensure_demo_key(settings, NOW)
    store = Store.open(settings.db_path, NOW)
    try:
        assert (created, store.keys.shop_for(key), store.keys.shop_for(replacement)) == (
            True,
            None,
            "demo",
        )
        revoked = {info.key_id: info.revoked_at is not None for info in store.keys.list()}
        assert revoked == {key.split("_")[1]: True, replacement.split("_")[1]: False}
    finally:
        store.close()


def test_keys_made_by_hand_survive_a_new_demo_key(settings, demo_key):
    ensure_demo_key(settings, NOW)
    settings.demo_key_path.unlink()
    ensure_demo_key(settings, NOW)
    store = Store.open(settings.db_path, NOW)
    try:
        assert store.keys.shop_for(demo_key) == "demo"
    finally:
        store.close()


def test_the_database_and_key_files_are_private(settings):
    ensure_demo_key(settings, NOW)
    modes = {
        path.name: stat.S_IMODE(path.stat().st_mode)
        for path in (settings.db_path, settings.demo_key_path)
    }
    assert modes == {"huashu.db": 0o600, "demo.key": 0o600}


def test_the_key_is_shown_in_full_only_when_created(settings):
    key = "hsk_0123456789ab_SECRETsecretSECRETsecret"
    out = io.StringIO()
    announce(key, True, settings, out)
    announce(key, False, settings, out)
    path = settings.demo_key_path
    assert out.getvalue().splitlines() == [
        f"Demo shop 'demo' API key (created, saved to {path}): {key}",
        f"Demo shop 'demo' API key: hsk_0123456789ab_******** (in full in {path})",
    ]


def test_missing_model_is_reported_in_a_sentence(settings, tmp_path):
    empty = settings.copy(update={"models_dir": tmp_path / "no-models"})
    with pytest.raises(
        FileNotFoundError, match=r"no trained model at .*no-models/: run `make train`"
    ):
        model_path(empty)
