"""Readers for PETRARCH/TABARI actor and agent dictionaries.

Users of PETRARCH keep years of curated dictionaries; reading them lets those
users bring their knowledge along instead of re-typing it as YAML. Only the
parts that have a meaning in our model are kept: phrases, codes and dated codes
for actors; phrases, plurals and sector codes for agents.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pycountry

from realpolitik.actors.schema import ROLES, ActorEntry, RolePeriod, RoleWord
from realpolitik.errors import KnowledgeError

CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
DATED_CODE = re.compile(
    r"^\s*(?P<code>[A-Za-z0-9\-+/]*)\s*"
    r"(?:(?P<op>[<>])\s*(?P<single>\d{6,8})|(?P<start>\d{6,8})\s*-\s*(?P<until>\d{6,8}))?\s*$"
)
MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


def _petrarch_date(text: str) -> date:
    """A PETRARCH date: ``YYYYMMDD``, or ``YYMMDD`` with years below 30 in the 2000s."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < 30 else 1900 + year}{text[2:]}"
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _strip_comments(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _without_markup(text: str) -> list[str]:
    """Lines with ``<!-- ... -->`` blocks and ``<! ... >`` tags blanked, numbering kept."""
    blanked = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    return [re.sub(r"<!.*?>", "", line) for line in blanked.splitlines()]


def _phrase(raw: str) -> str:
    """``PRESIDENT_GEORGE_W._BUSH_`` → ``PRESIDENT GEORGE W. BUSH``."""
    return " ".join(raw.replace("_", " ").split())


def _written_forms(phrase: str) -> list[str]:
    """Dictionary phrases are upper case; news text writes most of them in title case."""
    titled = phrase.title() if phrase.isupper() and len(phrase) > 4 else phrase
    return [titled] if titled == phrase else [titled, phrase]


def _country_and_role(code: str) -> tuple[str | None, str | None]:
    """The ISO country and our role hidden in a CAMEO actor code, where present."""
    upper = code.upper()
    if upper.startswith(("IGO", "NGO")):
        return None, upper[:3]
    country = upper[:3] if pycountry.countries.get(alpha_3=upper[:3]) else None
    rest = upper[3:] if country else upper
    role = next((rest[i : i + 3] for i in range(0, len(rest), 3) if rest[i : i + 3] in ROLES), None)
    return country, role


def _period(block: str) -> RolePeriod:
    """One ``[CODE]``, ``[CODE <date]``, ``[CODE >date]`` or ``[CODE start-until]`` block."""
    match = DATED_CODE.match(block)
    if match is None:
        raise ValueError(f"cannot read code block [{block}]")
    code = match["code"].upper() or None
    country, role = _country_and_role(code or "")
    start = until = None
    if match["op"] == "<":
        until = _petrarch_date(match["single"]) - timedelta(days=1)
    elif match["op"] == ">":
        start = _petrarch_date(match["single"])
    elif match["start"]:
        start, until = _petrarch_date(match["start"]), _petrarch_date(match["until"])
    return RolePeriod.model_validate(
        {"role": role, "from": start, "until": until, "code": code, "country": country}
    )


def _entry(names: list[str], periods: list[RolePeriod], where: str) -> ActorEntry | None:
    """One dictionary actor; its undated code becomes the default, dated ones periods."""
    if not names or not periods:
        return None
    default = next((p for p in periods if p.start is None and p.until is None), None)
    dated = [p for p in periods if p is not default]
    return ActorEntry(
        name=names[0],
        aliases=names[1:],
        code=default.code if default else None,
        country=default.country if default else None,
        role=default.role if default else None,
        kind="org",
        roles=dated,
        origin=where,
    )


def read_petrarch_actors(path: Path) -> list[ActorEntry]:
    """Actors from a PETRARCH/TABARI ``.actors.txt`` dictionary.

    path (Path): the dictionary file.
    RETURNS (list[ActorEntry]): one entry per actor, synonyms (``+`` lines) as
        aliases, ``[CODE]`` as the default code, dated codes
        (``[HOBGOV 19950601-19990815]``, ``[HOB <950601]``) as role periods.
        Upper-case phrases are read in title case too ("GOLLUM" → "Gollum").
    RAISES KnowledgeError: E204 listing every unreadable code block as ``file:line``.
    """
    entries: list[ActorEntry] = []
    names: list[str] = []
    periods: list[RolePeriod] = []
    bad_lines: list[str] = []
    start_line = 0
    for number, raw_line in enumerate(_without_markup(path.read_text(errors="replace")), 1):
        stripped = _strip_comments(raw_line).strip()
        if not stripped:
            continue
        if stripped.startswith("+"):
            names += _written_forms(_phrase(CODE_BLOCK.sub("", stripped[1:])))
        elif not raw_line[0].isspace() and not stripped.startswith("["):
            entry = _entry(names, periods, f"{path}:{start_line}")
            if entry:
                entries.append(entry)
            names = _written_forms(_phrase(CODE_BLOCK.sub("", stripped)))
            periods, start_line = [], number
        for block in CODE_BLOCK.findall(stripped):
            try:
                periods.append(_period(block))
            except ValueError as error:
                bad_lines.append(f"{path}:{number}: {error}")
    entry = _entry(names, periods, f"{path}:{start_line}")
    if entry:
        entries.append(entry)
    if bad_lines:
        raise KnowledgeError(
            f"{len(bad_lines)} unreadable code blocks: " + " | ".join(bad_lines), code="E204"
        )
    return entries


def _expand_macros(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    for macro, words in macros.items():
        if macro in phrase:
            return [
                p for word in words for p in _expand_macros(phrase.replace(macro, word), macros)
            ]
    return [phrase]


def read_petrarch_agents(path: Path) -> list[RoleWord]:
    """Agents (role words) from a PETRARCH ``agents.txt`` dictionary.

    path (Path): the dictionary file.
    RETURNS (list[RoleWord]): the agents whose code names one of our roles
        (``[~GOV]``, ``[~MILNAV]`` → MIL); ``!PERSON!``-style macros expanded;
        an explicit ``{PLURAL}`` kept as the plural.
    """
    macros: dict[str, list[str]] = {}
    words: list[RoleWord] = []
    for raw_line in _without_markup(path.read_text(errors="replace")):
        line = _strip_comments(raw_line).strip()
        macro = MACRO.match(line)
        if macro:
            macros[macro[1]] = [_phrase(w) for w in macro[2].split(",")]
            continue
        code_match = CODE_BLOCK.search(line)
        if not line or code_match is None:
            continue
        code = code_match[1].strip().replace("~", "")
        role = code[:3].upper() if code[:3].upper() in ROLES else None
        if role is None:
            continue
        plural_match = re.search(r"\{([^}]*)\}", line)
        phrase_text = re.split(r"[\[{]", line, maxsplit=1)[0]
        plural = _phrase(plural_match[1]).lower() if plural_match and plural_match[1] else None
        for phrase in _expand_macros(_phrase(phrase_text), macros):
            if phrase:
                words.append(
                    RoleWord(phrase=phrase.lower(), role=role, kind="position", plural=plural)
                )
    return words
