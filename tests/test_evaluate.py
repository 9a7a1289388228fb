"""Our scorer must print the reference scorer's figures for the same predictions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from realpolitik.evaluate import score_events

GOLD = [
    {"id": "d1-1", "doc": "d1", "key": "met with", "source": {"country": "PAK", "role": "GOV"},
     "target": {"country": "USA"}, "roots": ["04"], "mode": "asserted", "required": True,
     "date": "2022-05-17"},
    {"id": "d1-2", "doc": "d1", "key": "no such assurances", "source": {"name": "Taliban"},
     "target": {"country": "PAK"}, "roots": ["03"], "mode": "negated", "required": True},
    {"id": "d2-1", "doc": "d2", "key": "shelled", "source": {"country": "RUS"},
     "target": {"any": True}, "roots": ["19", "18"], "mode": "asserted", "required": True},
    {"id": "d2-2", "doc": "d2", "key": "optional", "source": {"any": True},
     "target": {"any": True}, "roots": ["01"], "mode": "asserted", "required": False},
]


def _event(doc: str, sentence: str, root: str, source: dict, target: dict | None,
           mode: str = "asserted", date: str | None = None) -> dict:
    return {"doc_id": doc, "sentence": sentence, "root": root, "cameo": root + "0",
            "source": source, "target": target, "mode": mode, "date": date}


PREDICTIONS = [
    _event("d1", "Bilawal  met with Blinken.", "04",
           {"country": "PAK", "code": "PAKGOV", "role": "GOV", "text": "Bilawal"},
           {"country": "USA", "code": "USAGOV", "text": "Blinken"}, date="2022-05"),
    _event("d1", "The Taliban made no such assurances to Islamabad.", "03",
           {"name": "Taliban", "code": "AFGTAL", "text": "Taliban"},
           {"country": "PAK", "code": "PAKGOV"}),
    _event("d2", "Russian forces shelled the town.", "19",
           {"country": "RUS", "code": "RUSMIL", "role": "MIL"}, None),
    _event("d2", "Russian forces shelled the town.", "11",
           {"country": "RUS", "code": "RUSMIL"}, {"country": "UKR", "code": "UKR"}),
    _event("d2", "Russian forces shelled the town.", "19",
           {"country": "RUS", "code": "RUSMIL"}, None, mode="hypothetical"),
]


def test_scores_the_rules_by_hand() -> None:
    score = score_events(GOLD, PREDICTIONS)
    assert score.predicted_asserted == 4
    assert score.true_positives == 2
    assert score.found == 2
    assert score.required == 2
    assert score.traps == 1 and score.traps_not_asserted == 0
    assert score.date_hits == [True]
    assert round(score.f1, 3) == round(2 * 0.5 * 1.0 / 1.5, 3)


def test_agrees_with_reference_scorer(tmp_path: Path, shared_dir: Path) -> None:
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in PREDICTIONS), encoding="utf-8")
    reference = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), "--gold", str(gold_path),
         "--pred", str(pred_path)],
        capture_output=True, text=True, check=True,
    ).stdout.strip().splitlines()
    assert score_events(GOLD, PREDICTIONS).lines() == reference
