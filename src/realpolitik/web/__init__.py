"""The web app: every page of the event store, each with a JSON twin under ``/api``."""

from realpolitik.web.app import create_app

__all__ = ["create_app"]
