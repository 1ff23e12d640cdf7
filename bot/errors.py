"""Errors for requests the core cannot serve; adapters map them to 4xx statuses or exit codes."""

from __future__ import annotations

# The CLI's exit code for a request it cannot serve (bad arguments, unknown shop, failed run).
USAGE_ERROR = 2


class HuashuError(Exception):
    """An expected failure: `code` is stable and machine-readable, the message says why."""

    code = "error"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class NotFoundError(HuashuError):
    code = "not_found"


class ConflictError(HuashuError):
    code = "conflict"


class InvalidRequestError(HuashuError):
    code = "invalid_request"
