"""Timestamps are stored as UTC ISO-8601 text of one fixed width, so text order is time order."""

from __future__ import annotations

from datetime import datetime, timezone


def to_text(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def from_text(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
