"""Pre-aggregated copies of the events table that answer the web app's relation queries.

A first-time dyad, actor, network or overview page used to scan every event
(50-100 ms each on a million events), and on two cores those scans queued
behind each other under load. The app now sums small, sorted tables instead,
built into an in-memory database attached to the store's connection when the
app starts and rebuilt whenever the store changes. Event listings are read
from the events table, at the rows the rollups locate (dyads, documents) or
within the dates they give (actors).
"""

from realpolitik.web.rollup.tables import SCHEMA, Rollups, build, store_marker

__all__ = ["SCHEMA", "Rollups", "build", "store_marker"]
