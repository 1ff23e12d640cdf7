"""Every error leaves as JSON `{"error": {"code", "message"}}`; none carries a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from bot.errors import ConflictError, HuashuError, InvalidRequestError, NotFoundError

logger = logging.getLogger("huashu.api")

_STATUS = {NotFoundError: 404, ConflictError: 409, InvalidRequestError: 422}
_HTTP_CODES = {
    400: "malformed_body",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
}
# pydantic's wording for the common cases, rephrased for someone reading an error response
_PLAIN_MESSAGES = {
    "value_error.missing": "is required",
    "value_error.extra": "is not a known field",
    "type_error.none.not_allowed": "must not be null",
    "type_error.str": "must be a string",
    "value_error.datetime": "must be an ISO 8601 date-time, such as 2025-03-01T10:00:00+08:00",
}


def _plain(error: dict) -> str:
    if error["type"] == "value_error.const":
        permitted = ", ".join(repr(value) for value in error["ctx"]["permitted"])
        return f"must be one of {permitted}"
    return _PLAIN_MESSAGES.get(error["type"], error["msg"])


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str, headers=None) -> JSONResponse:
    body = {"error": {"code": code, "message": message}}
    return JSONResponse(body, status_code=status, headers=headers)


def _field(loc: tuple) -> str:
    return ".".join(str(part) for part in loc if part not in ("body", "query", "path"))


def validation_message(errors: list[dict]) -> tuple[int, str, str]:
    """(status, code, message) naming each offending field."""
    first = errors[0]
    if first["type"] == "json_invalid":
        detail = (first.get("ctx") or {}).get("error", "JSON decode error")
        return 400, "malformed_json", f"The request body is not valid JSON: {detail}."
    if tuple(first["loc"]) == ("body",):
        missing = first["type"] == "value_error.missing"
        problem = "is missing; send a JSON object" if missing else "must be a JSON object"
        return 422, "invalid_body", f"The request body {problem}."
    parts = [f"{_field(error['loc'])}: {_plain(error)}" for error in errors]
    return 422, "invalid_request", "; ".join(parts) + "."


async def _validation(request: Request, error: RequestValidationError) -> JSONResponse:
    return error_response(*validation_message(error.errors()))


async def _api_error(request: Request, error: ApiError) -> JSONResponse:
    return error_response(error.status, error.code, error.message)


async def _core_error(request: Request, error: HuashuError) -> JSONResponse:
    status = next((s for cls, s in _STATUS.items() if isinstance(error, cls)), 400)
    return error_response(status, error.code, error.message)


async def _http_error(request: Request, error: HTTPException) -> JSONResponse:
    code = _HTTP_CODES.get(error.status_code, "http_error")
    message = {
        400: _unreadable(error),
        404: f"No endpoint at {request.method} {request.url.path}.",
        405: f"{request.url.path} does not take {request.method} requests.",
    }.get(error.status_code, str(error.detail))
    return error_response(error.status_code, code, message, getattr(error, "headers", None))


def _unreadable(error: HTTPException) -> str:
    """FastAPI turns every body it cannot decode into one 400; the cause says why."""
    cause = error.__cause__
    if isinstance(cause, ValueError) and "integer string conversion" in str(cause):
        return "The request body is not valid JSON: a number has more than 4,300 digits."
    return "The request body could not be read as UTF-8 JSON."


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    logger.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response(500, "internal_error", "The server could not handle this request.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(HuashuError, _core_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
