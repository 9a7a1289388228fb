"""CAMEO and PLOVER code tables and their lookups."""

from realpolitik.ontology.cameo import CameoCode, cameo_table, lookup

__all__ = ["CameoCode", "cameo_table", "lookup"]
