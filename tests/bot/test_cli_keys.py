"""`python -m bot keys ...`: create prints a key once, list shows no secret, bad input exits 2."""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from pathlib import Path

from bot.cli import main
from bot.store import Store

SHOPS = Path(__file__).resolve().parents[2] / "data" / "shops"
NOW = datetime(2025, 3, 3, 2, 0, tzinfo=timezone.utc)
LATER = datetime(2025, 3, 3, 3, 30, tzinfo=timezone.utc)


def run(tmp_path, *args, at=NOW):
    out, err = io.StringIO(), io.StringIO()
    argv = ["--db", str(tmp_path / "huashu.db"), "--shops", str(SHOPS), *args]
    code = main(argv, clock=lambda: at, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_create_prints_a_working_key(tmp_path):
    code, out, err = run(tmp_path, "keys", "create", "--shop", "demo")
    key = out.strip()
    assert code == 0
    assert re.fullmatch(r"hsk_[0-9a-f]{12}_[A-Za-z0-9_-]{32}", key)
    assert err == (
        f"Created key {key[4:16]} for shop 'demo'. It is shown only this once; "
        "send it in the X-API-Key header.\n"
    )
    store = Store.open(tmp_path / "huashu.db", NOW)
    assert store.keys.shop_for(key) == "demo"
    store.close()


def test_create_for_an_unknown_shop_exits_2_with_a_sentence(tmp_path):
    code, out, err = run(tmp_path, "keys", "create", "--shop", "nosuch")
    assert (code, out) == (2, "")
    assert err == f"error: Unknown shop 'nosuch': {SHOPS} has no such shop (demo, jdhome).\n"
    assert not (tmp_path / "huashu.db").exists()


def test_list_shows_ids_and_status_but_no_secret(tmp_path):
    _, first, _ = run(tmp_path, "keys", "create", "--shop", "demo")
    _, second, _ = run(tmp_path, "keys", "create", "--shop", "jdhome", at=LATER)
    first_id, second_id = first[4:16], second[4:16]
    assert run(tmp_path, "keys", "revoke", first_id, at=LATER)[:2] == (
        0,
        f"Key {first_id} of shop 'demo' is revoked.\n",
    )
    code, out, _ = run(tmp_path, "keys", "list")
    assert code == 0
    assert out.splitlines() == [
        "KEY ID        ROLE     SHOP            CREATED (UTC)         STATUS",
        f"{first_id}  agent    demo            2025-03-03 02:00:00   revoked 2025-03-03 03:30",
        f"{second_id}  agent    jdhome          2025-03-03 03:30:00   active",
    ]
    assert first.strip()[17:] not in out


def test_revoking_an_unknown_key_exits_2(tmp_path):
    assert run(tmp_path, "keys", "revoke", "000000000000") == (
        2,
        "",
        "error: No API key has the id '000000000000'.\n",
    )


def test_list_shows_trainer_keys_with_their_role_and_no_shop(tmp_path):
    _, created, _ = run(tmp_path, "keys", "create", "--trainer")
    code, out, _ = run(tmp_path, "keys", "list")
    assert code == 0
    assert out.splitlines()[1] == (
        f"{created.strip()[4:16]}  trainer  -               2025-03-03 02:00:00   active"
    )


def test_create_trainer_key_says_where_it_works(tmp_path):
    code, out, err = run(tmp_path, "keys", "create", "--trainer")
    assert code == 0
    assert err == (
        f"Created trainer key {out.strip()[4:16]}. It is shown only this once; send it in the "
        "X-API-Key header to /v1/training and /v1/models.\n"
    )
