"""Writing events for people (a rich table) and for programs (JSON Lines, CSV)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

CSV_COLUMNS = (
    "doc_id", "sentence_index", "source_code", "source_name", "target_code", "target_name",
    "cameo", "root", "label", "quad_class", "goldstein", "plover", "mode", "date", "date_text",
    "location_name", "attribution_text", "attribution_anonymous", "quantities", "confidence",
    "evidence_start", "evidence_end", "sentence",
)


def flat_event(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a flat row: nested actors and context spread into columns."""
    source = event.get("source") or {}
    target = event.get("target") or {}
    location = event.get("location") or {}
    attribution = event.get("attribution") or {}
    return {
        **{k: event.get(k) for k in CSV_COLUMNS if k in event},
        "source_code": source.get("code"),
        "source_name": source.get("name"),
        "target_code": target.get("code"),
        "target_name": target.get("name"),
        "location_name": location.get("name"),
        "attribution_text": attribution.get("text"),
        "attribution_anonymous": attribution.get("anonymous"),
        "quantities": json.dumps(event.get("quantities") or []),
        "evidence_start": event["evidence"]["start"],
        "evidence_end": event["evidence"]["end"],
    }


class EventWriter:
    """Streams events to ``out`` in one of the formats ``jsonl``, ``csv``, ``table``."""

    def __init__(self, out: TextIO, fmt: str) -> None:
        self.out = out
        self.fmt = fmt
        self.rows: list[dict[str, Any]] = []
        self.csv: csv.DictWriter[str] | None = None
        if fmt == "csv":
            self.csv = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
            self.csv.writeheader()

    def write_all(self, events: Iterable[dict[str, Any]]) -> None:
        for event in events:
            if self.fmt == "jsonl":
                self.out.write(json.dumps(event, ensure_ascii=False) + "\n")
            elif self.csv is not None:
                self.csv.writerow(flat_event(event))
            else:
                self.rows.append(event)

    def close(self) -> None:
        """Tables need all rows before they can be drawn."""
        if self.fmt == "table":
            Console(file=self.out, width=160).print(event_table(self.rows))
        self.out.flush()


def _actor_cell(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "—"
    return f"{actor['code']} ({actor['text']})"


def event_table(events: list[dict[str, Any]], title: str | None = None) -> Table:
    """A terminal table of events with their evidence."""
    table = Table(title=title, show_lines=False, expand=False)
    for column in ("doc", "date", "source", "code", "target", "mode", "gold.", "evidence"):
        table.add_column(column, overflow="fold")
    for event in events:
        table.add_row(
            str(event["doc_id"]),
            str(event.get("date") or ""),
            _actor_cell(event.get("source")),
            f"{event['cameo']} {event['label']}",
            _actor_cell(event.get("target")),
            str(event["mode"]),
            f"{event['goldstein']:+.1f}",
            str(event["sentence"])[:140],
        )
    return table
