"""Rebuild ``ontology/data/cameo.tsv`` from the public CAMEO code table.

The table holds facts only (codes, names, Goldstein scores, QuadClass,
PLOVER type), taken from the public GDELT and PLOVER tables named in its
header; we rebuild it rather than edit it by hand so the provenance stays
checkable. Usage: ``python scripts/build_cameo_table.py PATH/TO/cameo_codes.tsv``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/realpolitik/ontology/data/cameo.tsv"
ROOT_PLOVER = {
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
    "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}
RETREAT_08 = ("084", "085", "086", "087")


def plover_for(code: str, listed: str) -> str:
    """PLOVER 2021 mapping; appeals go to REQUEST, statements stay empty."""
    if code.startswith("08"):
        return "RETREAT" if code.startswith(RETREAT_08) else "CONCEDE"
    if listed and "/" not in listed:
        return listed
    return ROOT_PLOVER.get(code[:2], "")


def main(source: str) -> None:
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader((ln for ln in lines if not ln.startswith("#")), delimiter="\t")
    out = [
        "# CAMEO event codes with Goldstein scores, QuadClass and PLOVER 2.0 type.",
        "# name: GDELT LOOKUP-CAMEO.eventcodes.txt; goldstein: GDELT CAMEO.goldsteinscale.txt;",
        "# quad_class: GDELT 2.0 convention (01-05=1, 06-08=2, 09-13=3, 14-20=4);",
        "# plover: openeventdata/PLOVER CAMEO2PLOVER-2021.txt, roots 02 and 10 -> REQUEST,",
        "# 01 (statements) empty because PLOVER does not code them. Codes the Goldstein",
        "# table lacks (1213, 155, 176, 1834, 1951, 1952) take their parent code's score.",
        "# Labels of the 10x codes come from the ICEWS table: GDELT's are shifted there.",
        "code\troot\tlabel\tgoldstein\tquad_class\tplover",
    ]
    goldstein: dict[str, str] = {}
    for row in rows:
        code = row["code"]
        goldstein[code] = row["goldstein"] or goldstein.get(code[:3]) or goldstein[code[:2]]
        plover = plover_for(code, row["plover_2021"].strip())
        label = row["name_icews"] if code.startswith("10") and row["name_icews"] else row["name"]
        out.append(
            f"{code}\t{code[:2]}\t{label}\t{goldstein[code]}\t{row['quad_class']}\t{plover}"
        )
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
