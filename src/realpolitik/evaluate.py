"""Score coded events against gold events with the rules of the event schema.

A prediction matches a gold event when its sentence holds the gold key, its
root is listed, both actors match and the modes agree. Precision is over
asserted predictions, recall over required asserted gold events; a gold event
with another mode is a trap that must not come out asserted. The figures must
equal those of the reference scorer for the same predictions.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ASSERTED_MODES = frozenset({"asserted", "", None})
_SPACE = re.compile(r"\s+")

Record = Mapping[str, Any]


def _squash(text: object) -> str:
    return _SPACE.sub(" ", str(text or "")).strip()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every non-blank line of a JSON Lines file, parsed."""
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def root_of(event: Record) -> str:
    """The two-digit root of a prediction, from ``root`` or the code's first digits."""
    root = event.get("root") or event.get("event_root")
    if not root:
        code = event.get("cameo") or event.get("event_code") or event.get("code") or ""
        root = str(code)[:2]
    return str(root).zfill(2)[:2]


def actor_fits(spec: Record, actor: Record | None) -> bool:
    """Whether a predicted actor satisfies a gold actor spec (country, name or any)."""
    if spec.get("any"):
        return True
    if not actor:
        return False
    checks: list[bool] = []
    if "country" in spec:
        wanted = spec["country"]
        checks.append(
            str(actor.get("country") or "")[:3].upper() == wanted
            or str(actor.get("code") or "")[:3].upper() == wanted
        )
    if "name" in spec:
        text = " ".join(str(actor.get(k) or "") for k in ("name", "text", "code", "canonical"))
        checks.append(re.search(spec["name"], text, re.IGNORECASE) is not None)
    return any(checks)


def role_fits(spec: Record, actor: Record | None) -> bool | None:
    """Whether the predicted role is one the gold spec allows; None when it names none."""
    if "role" not in spec or not actor:
        return None
    role = str(actor.get("role") or "")
    sector = str(actor.get("code") or "")[3:]
    return any(want and (want == role or want in sector) for want in spec["role"].split("|"))


def is_asserted(event: Record) -> bool:
    return event.get("mode") in ASSERTED_MODES


@dataclass
class Score:
    """The figures of one evaluation, as the reference scorer prints them."""

    predicted: int = 0
    predicted_asserted: int = 0
    required: int = 0
    optional: int = 0
    traps: int = 0
    true_positives: int = 0
    found: int = 0
    traps_not_asserted: int = 0
    traps_right_mode: int = 0
    roots_required: Counter[str] = field(default_factory=Counter)
    roots_found: Counter[str] = field(default_factory=Counter)
    role_hits: list[bool] = field(default_factory=list)
    date_hits: list[bool] = field(default_factory=list)
    misses: list[Record] = field(default_factory=list)
    false_positives: list[Record] = field(default_factory=list)
    trap_failures: list[Record] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted_asserted if self.predicted_asserted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def trap_rate(self) -> float:
        return self.traps_not_asserted / self.traps if self.traps else 1.0

    def lines(self, *, show: bool = False) -> list[str]:
        """The report, line for line as the reference scorer prints it."""
        out = [
            f"predicted events: {self.predicted} (asserted {self.predicted_asserted})",
            f"gold: {self.required} required asserted, {self.optional} optional, "
            f"{self.traps} traps",
            "recall by root: "
            + " ".join(
                f"{root}:{self.roots_found[root]}/{n}"
                for root, n in sorted(self.roots_required.items())
            ),
        ]
        if self.role_hits:
            out.append(f"role accuracy on matched: {sum(self.role_hits)}/{len(self.role_hits)}")
        if self.date_hits:
            out.append(f"date accuracy on matched: {sum(self.date_hits)}/{len(self.date_hits)}")
        if self.traps:
            out.append(
                f"traps not asserted: {self.traps_not_asserted}/{self.traps}; "
                f"traps with the right mode: {self.traps_right_mode}/{self.traps}"
            )
        if show:
            out.extend(_detail_lines(self))
        out.append(
            f"F1={self.f1:.3f} P={self.precision:.3f} R={self.recall:.3f} "
            f"traps={self.trap_rate:.2f}"
        )
        return out


def _detail_lines(score: Score) -> list[str]:
    out = []
    for gold in score.misses:
        out.append(f"MISS {gold['id']} {gold['key']} {gold['source']} {gold['roots']} "
                   f"{gold['target']} {gold.get('note', '')}")
    for event in score.false_positives:
        source, target = event.get("source") or {}, event.get("target") or {}
        out.append(
            f"FP   {event.get('doc_id')} {root_of(event)} {source.get('text')} "
            f"{source.get('country')} -> {target.get('text')} {target.get('country')} | "
            f"{_squash(event.get('sentence'))[:110]}"
        )
    for gold in score.trap_failures:
        out.append(f"TRAP {gold['id']} {gold['key']} {gold['mode']} {gold.get('note', '')}")
    return out


class _Matcher:
    def __init__(self, default_doc: str | None) -> None:
        self.default_doc = default_doc

    def matches(self, gold: Record, event: Record, *, check_mode: bool) -> bool:
        doc = event.get("doc_id") if self.default_doc is None else (
            event.get("doc_id") or self.default_doc
        )
        if self.default_doc is None and doc != gold["doc"]:
            return False
        if _squash(gold["key"]) not in _squash(event.get("sentence")):
            return False
        if root_of(event) not in gold["roots"]:
            return False
        if not actor_fits(gold["source"], event.get("source")):
            return False
        if not actor_fits(gold["target"], event.get("target")):
            return False
        if not check_mode:
            return True
        if gold["mode"] == "asserted":
            return is_asserted(event)
        return bool(event.get("mode") == gold["mode"])


def _date_fits(gold_date: str, predicted: object) -> bool:
    have = str(predicted or "")
    if not have:
        return False
    return have.startswith(gold_date) or (gold_date.startswith(have) and len(have) >= 7)


def score_events(
    gold: Iterable[Record], predictions: Iterable[Record], *, default_doc: str | None = None
) -> Score:
    """Score predictions against gold events.

    gold (Iterable[Record]): gold records, as in ``../shared/eval/dev/*_gold.jsonl``.
    predictions (Iterable[Record]): event records (``Event.to_dict()``).
    default_doc (str | None): the doc id for gold lines without ``doc``.
    RETURNS (Score): the figures.
    """
    gold_events = [dict(g) for g in gold]
    for record in gold_events:
        record.setdefault("doc", default_doc)
    predicted = list(predictions)
    matcher = _Matcher(default_doc)
    asserted_gold = [g for g in gold_events if g["mode"] == "asserted"]
    traps = [g for g in gold_events if g["mode"] != "asserted"]
    asserted = [p for p in predicted if is_asserted(p)]
    score = Score(predicted=len(predicted), predicted_asserted=len(asserted), traps=len(traps))
    for event in asserted:
        if any(matcher.matches(g, event, check_mode=True) for g in asserted_gold):
            score.true_positives += 1
        else:
            score.false_positives.append(event)
    required = [g for g in asserted_gold if g.get("required", True)]
    score.required, score.optional = len(required), len(asserted_gold) - len(required)
    for record in required:
        score.roots_required[record["roots"][0]] += 1
        hits = [p for p in asserted if matcher.matches(record, p, check_mode=True)]
        if not hits:
            score.misses.append(record)
            continue
        score.found += 1
        score.roots_found[record["roots"][0]] += 1
        for side in ("source", "target"):
            fit = role_fits(record[side], hits[0].get(side))
            if fit is not None:
                score.role_hits.append(fit)
        if record.get("date"):
            score.date_hits.append(_date_fits(record["date"], hits[0].get("date")))
    for record in traps:
        if any(matcher.matches(record, p, check_mode=False) for p in asserted):
            score.trap_failures.append(record)
        else:
            score.traps_not_asserted += 1
        if any(matcher.matches(record, p, check_mode=True) for p in predicted):
            score.traps_right_mode += 1
    return score
