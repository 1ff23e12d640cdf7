"""Server settings, read from HUASHU_* environment variables."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseSettings

from bot.settings import DEFAULT_DB_PATH, DEFAULT_SHOPS_DIR


class Settings(BaseSettings):
    db_path: Path = DEFAULT_DB_PATH
    shops_dir: Path = DEFAULT_SHOPS_DIR
    models_dir: Path = Path("models")
    # what gated training runs read: the Rasa data folder (nlu/ and rules/), config and domain
    data_dir: Path = Path("data")
    config_path: Path = Path("config.yml")
    domain_path: Path = Path("domain.yml")
    # None serves the newest archive in models_dir
    model_path: Path | None = None
    demo_shop: str = "demo"
    demo_key_path: Path = Path("var/demo.key")
    host: str = "127.0.0.1"
    port: int = 8000
    # one process per core: parsing is CPU-bound and serialised within a process
    workers: int = 1
    max_body_bytes: int = 64 * 1024
    # how often each worker reads the served-model row (one indexed row) and follows a switch
    served_check_seconds: float = 1.0

    class Config:
        env_prefix = "HUASHU_"
