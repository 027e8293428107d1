"""CAIO Desktop: a workbench for interim Chief AI Officers."""
