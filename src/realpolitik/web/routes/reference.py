"""A plain API reference built from the OpenAPI schema.

FastAPI's interactive docs load Swagger UI from a CDN, which the app must not
need; this page lists the same routes from ``/openapi.json`` and works offline.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from realpolitik.web import render

router = APIRouter()


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("description") or operation.get("summary", ""),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": parameter["in"],
                            "description": parameter.get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                    "statuses": sorted(operation.get("responses", {})),
                }
            )
    return operations


@router.get("/api-reference", response_class=HTMLResponse, include_in_schema=False)
def reference_html(request: Request) -> HTMLResponse:
    operations = _operations(request.app.openapi())
    return render.page(
        request, "reference.html", {"operations": operations}, json_url="/openapi.json"
    )
