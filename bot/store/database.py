"""Opening the database file: WAL, durable commits, foreign keys, and the schema migrated."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from bot.settings import DEFAULT_DB_PATH
from bot.store.accounts import AccountStore
from bot.store.console import ConsoleQueries
from bot.store.followups import FollowupLog
from bot.store.keys import KeyStore
from bot.store.log import ConversationLog
from bot.store.orders import OrderStore
from bot.store.sales_figures import SalesFigureQueries
from bot.store.schema import migrate
from bot.store.stats import StatsQuery
from bot.store.timestamps import to_text
from bot.store.training import TrainingStore

DEFAULT_PATH = DEFAULT_DB_PATH
BUSY_TIMEOUT_MS = 10_000
# a readiness probe should answer quickly rather than queue behind a long write
PROBE_TIMEOUT_MS = 200


def _create_private(path: Path) -> None:
    """A new database file is readable by its owner only: it holds key hashes and every buyer
    message. SQLite gives its -wal and -shm files the database file's permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def connect(path: Path) -> Database:
    _create_private(path)
    # One connection shared by the server's worker threads; Store's lock serialises its use.
    db = Database(sqlite3.connect(str(path), check_same_thread=False))
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    db.enable_wal()
    # FULL makes each commit reach the disk before the API acknowledges it, not just the OS.
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    return db


class Store:
    """The database behind the API and the CLI: keys, the conversation log and its statistics."""

    def __init__(self, db: Database) -> None:
        self.db = db
        lock = threading.RLock()
        self._lock = lock
        self.keys = KeyStore(db, lock)
        self.log = ConversationLog(db, lock)
        self.stats = StatsQuery(db, lock)
        self.followups = FollowupLog(db, lock)
        self.training = TrainingStore(db, lock)
        self.orders = OrderStore(db, lock)
        self.sales = SalesFigureQueries(db, lock)
        self.accounts = AccountStore(db, lock)
        self.console = ConsoleQueries(db, lock)

    @classmethod
    def open(cls, path: Path, now: datetime) -> Store:
        db = connect(Path(path))
        migrate(db, to_text(now))
        return cls(db)

    def is_writable(self) -> bool:
        """True when a write transaction can start (file present, not read-only, not locked)."""
        with self._lock:
            try:
                self.db.execute(f"PRAGMA busy_timeout={PROBE_TIMEOUT_MS}")
                self.db.execute("BEGIN IMMEDIATE")
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                return False
            finally:
                self._restore_timeout()
        return True

    def _restore_timeout(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    def close(self) -> None:
        with self._lock:
            self.db.close()
