"""CAIO Desktop: the interim Chief AI Officer's workbench, one engagement per `.caio` file."""

__version__ = "0.1.0"
APP_NAME = "CAIO Desktop"
ORGANISATION = "CAIO Desktop"
