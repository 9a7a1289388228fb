"""Query parameters shared by several pages, declared once so they validate alike."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import Path, Query

from realpolitik.web.params import ACTOR_CODE_PATTERN, MAX_LIMIT

Since = Annotated[dt.date | None, Query(description="First day (YYYY-MM-DD), inclusive.")]
Until = Annotated[dt.date | None, Query(description="Last day (YYYY-MM-DD), inclusive.")]
Level = Annotated[
    Literal["country", "actor"],
    Query(description="Group actors by country (PAKGOV → PAK) or keep full actor codes."),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many rows.")]
ActorCode = Annotated[
    str, Path(pattern=ACTOR_CODE_PATTERN, description="An actor code such as PAK or USAGOV.")
]
