"""The ``actors`` command codes a text with the user's own actor file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from realpolitik.actors.listing import code_actors
from realpolitik.cli.actors import register


@pytest.mark.model
def test_actors_command_uses_user_file_and_date(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- {name: Zara Okafor, aliases: [Okafor], country: NGA, kind: person,\n"
        "   roles: [{role: GOV, from: 2019-05-29, until: 2023-05-29}]}\n",
        encoding="utf-8",
    )
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)
    result = CliRunner().invoke(
        app,
        [
            "actors",
            "Okafor met Kenyan officials.",
            "--actors",
            str(path),
            "--date",
            "2020-02-01",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["name"], r["code"]) for r in rows] == [
        ("Zara Okafor", "NGAGOV"),
        ("Kenya government", "KENGOV"),
    ]


@pytest.mark.model
def test_code_actors_reads_a_text_of_several_paragraphs() -> None:
    rows = code_actors("Kenyan troops crossed the border.\n\nSomali officials protested.")
    assert [row["code"] for row in rows] == ["KENMIL", "SOMGOV"]
