"""Features of other parts of the app that may be absent from a build (the importer, a chart, a dialog):
found without importing them, imported only when used, so start-up stays light."""

from __future__ import annotations

import importlib
import importlib.util


def module_exists(module_name: str) -> bool:
    try:
        return importlib.util.find_spec(module_name) is not None
    except ModuleNotFoundError:
        return False


def optional_class(module_name: str, class_name: str) -> type | None:
    """`module_name.class_name`, or None when that feature is not part of this build."""
    try:
        return getattr(importlib.import_module(module_name), class_name)
    except ModuleNotFoundError as error:
        if error.name and module_name.startswith(error.name):
            return None
        raise
    except AttributeError:
        return None
