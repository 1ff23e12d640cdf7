"""Where the project's files are, in one place: the API settings, the CLI and the Rasa action
server read their defaults and environment variable names from here."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]

SHOPS_DIR_ENV = "HUASHU_SHOPS_DIR"
DB_PATH_ENV = "HUASHU_DB_PATH"
# The action server's follow-up queue: the API's database file, so messages reaching a closed
# shop through a Rasa channel wait in GET /v1/followups like those posted to /v1/messages.
FOLLOWUP_DB_ENV = "HUASHU_FOLLOWUP_DB"

# Relative to the working directory, like every path a user passes: `make run` starts at the root.
DEFAULT_SHOPS_DIR = Path("data/shops")
DEFAULT_DB_PATH = Path("var/huashu.db")


def shops_dir() -> Path:
    return Path(os.environ.get(SHOPS_DIR_ENV) or DEFAULT_SHOPS_DIR)


def db_path() -> Path:
    return Path(os.environ.get(DB_PATH_ENV) or DEFAULT_DB_PATH)


def followup_db() -> Path | None:
    """The database the action server queues closed-shop messages in; None: no queue."""
    path = os.environ.get(FOLLOWUP_DB_ENV)
    return Path(path) if path else None
