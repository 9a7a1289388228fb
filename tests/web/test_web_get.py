"""``realpolitik serve --get PATH``: one answer from the app, in-process, no server."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from realpolitik.cli import web as web_cli
from realpolitik.web.get import get_path


@pytest.fixture(scope="module")
def cli() -> typer.Typer:
    """The ``serve`` command on an app of its own, as ``realpolitik`` registers it."""
    app = typer.Typer()
    app.callback()(lambda: None)
    web_cli.register(app)
    return app


def serve_get(cli: typer.Typer, store_path: Path, path: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["serve", "--db", str(store_path), "--get", path])
    return result.exit_code, result.stdout


def test_get_path_answers_as_the_served_app_does(store_path: Path, client: TestClient) -> None:
    path = "/api/dyads/PAK/USA?by=week&since=2022-03-01"
    answer = get_path(store_path, path)
    assert answer.ok and answer.status == 200
    assert answer.content_type == "application/json"
    assert json.loads(answer.body) == client.get(path).json()


def test_serve_get_prints_the_json_and_exits_0(cli: typer.Typer, store_path: Path) -> None:
    code, output = serve_get(cli, store_path, "/api/overview?window_days=30")
    assert code == 0
    assert json.loads(output)["counts"]["documents"] == 4


def test_serve_get_prints_html_pages_too(cli: typer.Typer, store_path: Path) -> None:
    code, output = serve_get(cli, store_path, "/dyads/PAK/USA")
    assert code == 0
    assert output.lstrip().startswith("<!doctype html>")


@pytest.mark.parametrize(
    ("path", "error"),
    [("/api/dyads/PAK/ZZZ", "E602"), ("/api/network?quad=7", "E601"), ("/api/nothing", "E602")],
)
def test_serve_get_exits_1_on_a_client_error(
    cli: typer.Typer, store_path: Path, path: str, error: str
) -> None:
    code, output = serve_get(cli, store_path, path)
    assert code == 1
    assert json.loads(output)["error"]["code"] == error


def test_serve_get_wants_a_path(cli: typer.Typer, store_path: Path) -> None:
    code, _ = serve_get(cli, store_path, "api/overview")
    assert code == 2


@pytest.mark.slow
def test_serve_get_from_the_command_line(store_path: Path) -> None:
    command = ["serve", "--db", str(store_path), "--get", "/api/search?q=Blinken"]
    result = subprocess.run(
        [sys.executable, "-m", "realpolitik.cli", *command],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert [hit["doc_id"] for hit in json.loads(result.stdout)["documents"]] == ["pk-us-2022"]
