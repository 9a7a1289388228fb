"""Relations between actors over time, computed in DuckDB and returned as pandas frames.

The CLI and the web app both call these functions, so what a user sees in the
terminal and in the browser are the same numbers.
"""

from realpolitik.analysis.dyads import dyads
from realpolitik.analysis.listing import events
from realpolitik.analysis.network import network, network_graph, write_network
from realpolitik.analysis.profile import actor_profile
from realpolitik.analysis.query import run_sql
from realpolitik.analysis.timeline import timeline
from realpolitik.analysis.trends import trends

__all__ = [
    "actor_profile",
    "dyads",
    "events",
    "network",
    "network_graph",
    "run_sql",
    "timeline",
    "trends",
    "write_network",
]
