"""Error twins: every failure answers JSON under ``/api`` and an HTML page elsewhere.

Validation errors become 400 with the parameter named, unknown things 404,
and anything unexpected a 500 that shows no internals.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from realpolitik.errors import WebError
from realpolitik.web import render

logger = logging.getLogger(__name__)


def _describe_validation(error: RequestValidationError) -> str:
    parts = []
    for problem in error.errors():
        location = [str(item) for item in problem.get("loc", ()) if item != "body"]
        where = location[-1] if location else "request"
        kind = location[0] if len(location) > 1 else ""
        label = f"{kind} parameter {where!r}" if kind in ("query", "path") else repr(where)
        parts.append(f"{label}: {problem.get('msg', 'invalid value')}")
    return "bad request: " + "; ".join(parts)


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    """The JSON or HTML form of one error, chosen by the request path."""
    if not message.startswith("["):
        message = f"[{code}] {message}"
    if request.url.path.startswith("/api/"):
        body = {"error": {"status": status, "code": code, "message": message}}
        return JSONResponse(body, status_code=status)
    return render.page(
        request,
        "error.html",
        {"status": status, "code": code, "message": message},
        status_code=status,
        json_url=None,
    )


def install(app: FastAPI) -> None:
    """Register the handlers that give every error its JSON and HTML twin."""

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, error: RequestValidationError) -> Response:
        return error_response(request, 400, "E601", _describe_validation(error))

    @app.exception_handler(WebError)
    async def on_web_error(request: Request, error: WebError) -> Response:
        status = getattr(error, "status", 400)
        return error_response(request, status, error.code, str(error))

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, error: HTTPException) -> Response:
        code = "E602" if error.status_code == 404 else "E600"
        message = "no such page" if error.status_code == 404 else str(error.detail)
        return error_response(request, error.status_code, code, message)

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, error: Exception) -> Response:
        logger.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, "E600", "internal error; see the server log")
