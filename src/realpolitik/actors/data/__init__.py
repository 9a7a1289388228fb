"""Actor knowledge files, read with importlib.resources (see docs/actors.md)."""
