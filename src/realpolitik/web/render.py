"""Rendering: one Jinja environment with autoescape on, page helpers, JSON twins.

Autoescape is forced on here rather than left to a default, because every
article, title and actor name shown is untrusted text.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from realpolitik.web.params import safe_link

VENDOR_FILES = ("vega.min.js", "cytoscape.min.js")
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def vendor_ready(static_dir: Path) -> bool:
    """Whether the npm build copied the chart and graph libraries into static/vendor."""
    return all((static_dir / "vendor" / name).is_file() for name in VENDOR_FILES)


def _segment(value: object) -> str:
    """A value quoted for use as one URL path segment."""
    return quote(str(value), safe="")


def make_templates(*, vendor_ready: bool) -> Jinja2Templates:
    """The template set; ``vendor_ready`` decides between charts and a notice."""
    loader = jinja2.FileSystemLoader(str(files("realpolitik.web").joinpath("templates")))
    environment = jinja2.Environment(
        loader=loader, autoescape=True, undefined=jinja2.StrictUndefined
    )
    environment.filters["segment"] = _segment
    environment.filters["http_link"] = safe_link
    environment.globals["vendor_ready"] = vendor_ready
    environment.globals["quad_names"] = QUAD_NAMES
    return Jinja2Templates(env=environment)


def page(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    status_code: int = 200,
    json_url: str | None = "",
) -> HTMLResponse:
    """Render ``template``; the page links its JSON twin (``/api`` + the same path)."""
    if json_url == "":
        query = f"?{request.url.query}" if request.url.query else ""
        json_url = f"/api{request.url.path}{query}"
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request, template, {**context, "json_url": json_url}, status_code=status_code
    )


def json_page(model: BaseModel) -> Response:
    """``model`` as a JSON body, serialised once by pydantic.

    The page was validated when it was built. Handed back as a model, FastAPI
    would validate it again, in a second trip through the thread pool, and
    then serialise it; the route still declares the model for the OpenAPI schema.
    """
    return Response(model.model_dump_json(), media_type="application/json")
