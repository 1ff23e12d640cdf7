"""Console accounts: creating them, logging in with a lock-out after repeated failures, and the
signed session tokens the console keeps in a cookie.

Passwords are hashed with argon2id (argon2-cffi). A session cookie holds a random token and its
HMAC under a secret kept in the database, so every worker checks it the same way; the database
holds only the token's SHA-256, and logging out deletes it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from bot.errors import HuashuError, InvalidRequestError
from bot.store import Store
from bot.store.accounts import Account
from bot.store.keys import AGENT_ROLE, TRAINER_ROLE

Clock = Callable[[], datetime]

MIN_PASSWORD = 8
MAX_PASSWORD = 256
NAME_PATTERN = re.compile(r"[\w.@-]{1,64}")
# five wrong passwords within a quarter of an hour lock the name for the rest of that quarter
MAX_FAILURES = 5
LOCK_WINDOW = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=12)
SIGNING_SECRET = "session_signing"


class LoginRefused(HuashuError):
    """Wrong name or password (one message for both, so names cannot be probed), or locked."""

    code = "login_refused"

    def __init__(self, message: str, code: str, locked_until: datetime | None = None) -> None:
        super().__init__(message, code)
        self.locked_until = locked_until


@dataclass(frozen=True)
class Session:
    account: Account
    csrf_token: str
    expires_at: datetime


@dataclass(frozen=True)
class Login:
    """`cookie` is the only place the session token exists in the clear."""

    cookie: str
    session: Session


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@lru_cache(maxsize=1)
def _decoy_hash() -> str:
    # checked against for unknown names, so they take as long to refuse as wrong passwords
    return _hasher().hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InvalidRequestError(
            f"The password must be {MIN_PASSWORD} to {MAX_PASSWORD} characters long"
            f" (got {len(password)})."
        )
    return _hasher().hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _signature(secret: str, token: str) -> str:
    digest = hmac.new(secret.encode(), token.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


class Accounts:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def create(self, name: str, password: str, *, role: str, shop_id: str | None) -> Account:
        """An agent account belongs to one shop; a trainer account to none."""
        if not NAME_PATTERN.fullmatch(name):
            raise InvalidRequestError(
                f"Account name {name!r}: use 1 to 64 letters, digits, '.', '_', '@' or '-'."
            )
        if (role == AGENT_ROLE) != bool(shop_id) or role not in (AGENT_ROLE, TRAINER_ROLE):
            raise InvalidRequestError("An agent account needs a shop; a trainer account has none.")
        password_hash = hash_password(password)
        return self._store.accounts.create(name, role, shop_id, password_hash, self._clock())

    def set_password(self, name: str, password: str) -> None:
        """Also ends the account's open sessions."""
        self._store.accounts.set_password(name, hash_password(password))

    def list(self) -> list[Account]:
        return self._store.accounts.list()

    def login(self, name: str, password: str) -> Login:
        now = self._clock()
        self._refuse_if_locked(name, now)
        found = self._store.accounts.with_password(name)
        password_hash = found[1] if found else _decoy_hash()
        if found is None or not password_matches(password_hash, password):
            self._store.accounts.record_failure(name, now)
            self._refuse_if_locked(name, now)
            raise LoginRefused("用户名或密码不正确。", "bad_credentials")
        self._store.accounts.clear_failures(name)
        return self._open_session(found[0], now)

    def _refuse_if_locked(self, name: str, now: datetime) -> None:
        failures = self._store.accounts.failures_since(name, now - LOCK_WINDOW)
        if len(failures) >= MAX_FAILURES:
            until = failures[-MAX_FAILURES] + LOCK_WINDOW
            minutes = max(1, -(-int((until - now).total_seconds()) // 60))
            message = f"登录失败次数过多，该账号已暂时锁定，请 {minutes} 分钟后再试。"
            raise LoginRefused(message, "locked", until)

    def _open_session(self, account: Account, now: datetime) -> Login:
        token = secrets.token_urlsafe(32)
        csrf_token = secrets.token_urlsafe(32)
        expires = now + SESSION_LIFETIME
        self._store.accounts.open_session(
            account.account_id, _token_hash(token), csrf_token, now, expires
        )
        cookie = f"{token}.{_signature(self._secret(now), token)}"
        return Login(cookie, Session(account, csrf_token, expires))

    def _secret(self, now: datetime) -> str:
        return self._store.accounts.secret(SIGNING_SECRET, now)

    def _token(self, cookie: str) -> str | None:
        """The token of a cookie whose signature holds."""
        token, _, signature = cookie.partition(".")
        expected = _signature(self._secret(self._clock()), token)
        if token and hmac.compare_digest(signature.encode(), expected.encode()):
            return token
        return None

    def session(self, cookie: str) -> Session | None:
        token = self._token(cookie)
        if token is None:
            return None
        row = self._store.accounts.session(_token_hash(token), self._clock())
        return Session(row.account, row.csrf_token, row.expires_at) if row else None

    def logout(self, cookie: str) -> None:
        token = self._token(cookie)
        if token is not None:
            self._store.accounts.close_session(_token_hash(token))


def csrf_matches(session: Session, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(session.csrf_token.encode(), sent.encode())
