"""Per-shop API keys. A key reads `hsk_<key id>_<secret>`: the key id is the indexed lookup, and
only a SHA-256 of the secret is stored. The secret is 192 random bits, so a fast hash is enough;
a slow password hash would only add latency to every request."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from datetime import datetime

from sqlite_utils import Database

from bot.errors import NotFoundError
from bot.store.records import ApiKeyInfo, NewKey
from bot.store.timestamps import from_text, to_text

KEY_PREFIX = "hsk_"
KEY_ID_LENGTH = 12
AGENT_ROLE = "agent"
# trainer keys are not tied to a shop; they add examples, train and swap models for all shops
TRAINER_ROLE = "trainer"


def _secret_hash(key_id: str, secret: str) -> str:
    return hashlib.sha256(f"{key_id}:{secret}".encode()).hexdigest()


def split_key(key: str) -> tuple[str, str] | None:
    """(key id, secret) of a well-formed key, None for anything else."""
    key_id_end = len(KEY_PREFIX) + KEY_ID_LENGTH
    if not key.startswith(KEY_PREFIX) or key[key_id_end : key_id_end + 1] != "_":
        return None
    secret = key[key_id_end + 1 :]
    return (key[len(KEY_PREFIX) : key_id_end], secret) if secret else None


def _info(row: dict) -> ApiKeyInfo:
    return ApiKeyInfo(
        key_id=row["key_id"],
        shop_id=row["shop_id"],
        created_at=from_text(row["created_at"]),
        revoked_at=from_text(row["revoked_at"]),
        role=row["role"],
    )


class KeyStore:
    def __init__(self, db: Database, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock

    def create(
        self, shop_id: str, now: datetime, role: str = AGENT_ROLE, purpose: str | None = None
    ) -> NewKey:
        key_id = secrets.token_hex(KEY_ID_LENGTH // 2)
        secret = secrets.token_urlsafe(24)
        row = {
            "key_id": key_id,
            "shop_id": shop_id,
            "secret_hash": _secret_hash(key_id, secret),
            "created_at": to_text(now),
            "revoked_at": None,
            "role": role,
            "purpose": purpose,
        }
        with self._lock:
            self._db["api_keys"].insert(row)
        return NewKey(key=f"{KEY_PREFIX}{key_id}_{secret}", info=_info(row))

    def shop_for(self, key: str) -> str | None:
        """The shop a live agent key belongs to; None for malformed, unknown, revoked or trainer
        keys."""
        found = self.role_for(key)
        return found[1] if found and found[0] == AGENT_ROLE else None

    def role_for(self, key: str) -> tuple[str, str] | None:
        """(role, shop id) of a live key; None for malformed, unknown or revoked keys."""
        parts = split_key(key)
        if parts is None:
            return None
        with self._lock:
            rows = list(
                self._db.query(
                    "select role, shop_id, secret_hash from api_keys"
                    " where key_id = ? and revoked_at is null",
                    [parts[0]],
                )
            )
        if rows and hmac.compare_digest(rows[0]["secret_hash"], _secret_hash(*parts)):
            return rows[0]["role"], rows[0]["shop_id"]
        return None

    def list(self, shop_id: str | None = None) -> list[ApiKeyInfo]:
        where, params = ("where shop_id = ?", [shop_id]) if shop_id else ("", [])
        sql = f"select * from api_keys {where} order by created_at, key_id"
        with self._lock:
            return [_info(row) for row in self._db.query(sql, params)]

    def revoke_purpose(self, shop_id: str, purpose: str, now: datetime) -> list[str]:
        """Revokes the shop's live keys made for `purpose`; their key ids."""
        with self._lock, self._db.atomic():
            rows = self._db.execute(
                "select key_id from api_keys"
                " where shop_id = ? and purpose = ? and revoked_at is null",
                [shop_id, purpose],
            ).fetchall()
            self._db.execute(
                "update api_keys set revoked_at = ?"
                " where shop_id = ? and purpose = ? and revoked_at is null",
                [to_text(now), shop_id, purpose],
            )
        return [row[0] for row in rows]

    def revoke(self, key_id: str, now: datetime) -> ApiKeyInfo:
        with self._lock, self._db.atomic():
            self._db.execute(
                "update api_keys set revoked_at = ? where key_id = ? and revoked_at is null",
                [to_text(now), key_id],
            )
            rows = list(self._db.query("select * from api_keys where key_id = ?", [key_id]))
        if not rows:
            raise NotFoundError(f"No API key has the id {key_id!r}.", code="key_not_found")
        return _info(rows[0])
