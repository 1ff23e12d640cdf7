"""Responses serialised once, for the hot routes.

A route that returns its response model has FastAPI (with pydantic 1) dump the model, validate
the dump against the model again and encode it a third time: a sixth of a /v1/suggest request
(measured with py-spy). The routes that use this keep `response_model` for the OpenAPI
document; the body is the same JSON, compact and in UTF-8 like FastAPI's own."""

from __future__ import annotations

from fastapi import Response
from pydantic import BaseModel


def model_response(body: BaseModel) -> Response:
    text = body.json(ensure_ascii=False, separators=(",", ":"))
    return Response(text.encode("utf-8"), media_type="application/json")
