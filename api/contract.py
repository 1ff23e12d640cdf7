"""What each operation can answer besides its success, for the OpenAPI document: every error
leaves as `{"error": {"code", "message"}}`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

_MEANING = {
    400: "The body is not JSON (malformed_json), or not UTF-8 (malformed_body).",
    401: "No API key (missing_api_key), or not a valid live key (invalid_api_key).",
    403: "A shop agent key on a trainer endpoint (trainer_key_required).",
    404: "The resource named in the path is not this shop's, or does not exist.",
    409: "The request conflicts with the current state (the code says which).",
    413: "The body is larger than the limit (body_too_large), announced or streamed.",
    422: "A field is missing or invalid; the message names it (invalid_request, invalid_body).",
    503: "The database does not accept writes (not_ready).",
}


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorOut(BaseModel):
    error: ErrorDetail


def answers(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses` of an operation; a body adds 400 and 413 on its own."""
    return {status: {"model": ErrorOut, "description": _MEANING[status]} for status in statuses}


def body_answers(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return answers(400, 413, 422, *statuses)
