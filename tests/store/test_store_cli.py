"""The store commands, run through typer on real database files."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from realpolitik.cli.store import register
from realpolitik.errors import StoreError
from realpolitik.export import gdelt_columns
from realpolitik.store import open_store
from realpolitik.store.synthetic import synthetic_documents


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    application = typer.Typer()
    register(application)
    return application


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "cli.duckdb"
    with open_store(path) as store:
        store.write_many(synthetic_documents(40, events_per_document=15, countries=5))
    return path


def _run(app: typer.Typer, *args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(app, list(args), env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.output
    return result.stdout


def test_dyads_as_json(app: typer.Typer, cli_db: Path) -> None:
    rows = json.loads(_run(app, "dyads", "--db", str(cli_db), "--limit", "3", "-f", "json"))
    assert len(rows) == 3
    assert rows[0]["events"] >= rows[1]["events"] >= rows[2]["events"]


def test_database_from_environment(app: typer.Typer, cli_db: Path) -> None:
    output = _run(app, "dyads", "-f", "csv", env={"REALPOLITIK_DB": str(cli_db)})
    assert output.splitlines()[0].startswith("source,target,events")


def test_timeline_csv_and_plot(app: typer.Typer, cli_db: Path, tmp_path: Path) -> None:
    plot = tmp_path / "timeline.png"
    output = _run(app, "timeline", "ABW", "AFG", "--db", str(cli_db), "--by", "quarter",
                  "--plot", str(plot), "-f", "csv")
    assert output.splitlines()[0].startswith("period,events,goldstein_sum")
    assert plot.read_bytes()[:4] == b"\x89PNG"


def test_trends_table(app: typer.Typer, cli_db: Path) -> None:
    output = _run(app, "trends", "--db", str(cli_db), "--from", "2022-01-01:2022-06-30",
                  "--to", "2022-07-01:2022-12-31", "--limit", "2")
    assert "Biggest changes" in output


def test_network_files(app: typer.Typer, cli_db: Path, tmp_path: Path) -> None:
    _run(app, "network", "--db", str(cli_db), "--graphml", str(tmp_path / "n.graphml"),
         "--json", str(tmp_path / "n.json"), "--png", str(tmp_path / "n.png"), "--quad", "4")
    data = json.loads((tmp_path / "n.json").read_text())
    graph = nx.read_graphml(tmp_path / "n.graphml")
    assert graph.number_of_edges() == len(data["edges"]) > 0
    assert (tmp_path / "n.png").stat().st_size > 0


def test_events_listing(app: typer.Typer, cli_db: Path) -> None:
    rows = json.loads(_run(app, "events", "--db", str(cli_db), "--actor", "ABW", "--root",
                           "4", "--limit", "5", "-f", "json"))
    assert 0 < len(rows) <= 5
    assert all(row["root"] == "04" for row in rows)


def test_sql_reads_and_refuses_writes(app: typer.Typer, cli_db: Path) -> None:
    output = _run(app, "sql", "SELECT count(*) AS n FROM events", "--db", str(cli_db),
                  "-f", "json")
    assert json.loads(output) == [{"n": 600}]
    with pytest.raises(StoreError, match="E532"):
        _run(app, "sql", "DELETE FROM events", "--db", str(cli_db))


def test_export_gdelt(app: typer.Typer, cli_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    _run(app, "export", "--db", str(cli_db), "-f", "gdelt", "-o", str(out))
    frame = pd.read_csv(out, sep="\t", dtype=str)
    assert list(frame.columns) == gdelt_columns()
    assert len(frame) == 600


def test_missing_database_is_a_clear_error(app: typer.Typer, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="E501"):
        _run(app, "dyads", "--db", str(tmp_path / "none.duckdb"))
