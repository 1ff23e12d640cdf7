"""SQLite storage through sqlite-utils: API keys, the conversation log, feedback and statistics."""

from bot.store.database import DEFAULT_PATH, Store

__all__ = ["DEFAULT_PATH", "Store"]
