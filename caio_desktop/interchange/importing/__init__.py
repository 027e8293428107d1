"""Importing client spreadsheets (xlsx, xlsm, xls, ods, csv) into any module of an engagement.

    plan = plan_import(ws, "inventaire.xlsx", "ai_systems")      # read, map, convert, validate
    result = apply_import(ws, plan)                               # one transaction, one undo step
    write_report("rejets.xlsx", plan.headers, result.rejected)    # the rows to fix and re-import

Reading is bounded (size, rows, columns, zip bombs, XML entities, encrypted files refused clearly);
columns that map to no field become custom attributes; nothing is written before `apply_import`.

The names below are imported when first used: `apply` and `plan` import SQLAlchemy and the typed models
(≈ 0.25 s), which `caio import` pays while python-calamine already parses the sheet (`reader.ReadAhead`):
importing `caio_desktop.interchange.importing.reader` must not pull them in.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from caio_desktop.interchange.importing.apply import ImportResult, apply_import
    from caio_desktop.interchange.importing.errors import ImportCancelled, MappingError, SpreadsheetError
    from caio_desktop.interchange.importing.mapping import ColumnMapping
    from caio_desktop.interchange.importing.plan import ImportPlan, PlannedRow, Problem, plan_import
    from caio_desktop.interchange.importing.report import write_report
    from caio_desktop.interchange.importing.saved import load_saved_mapping, save_mapping_in_workspace

_HOMES = {
    "ImportResult": "apply", "apply_import": "apply",
    "ImportCancelled": "errors", "MappingError": "errors", "SpreadsheetError": "errors",
    "ColumnMapping": "mapping",
    "ImportPlan": "plan", "PlannedRow": "plan", "Problem": "plan", "plan_import": "plan",
    "write_report": "report",
    "load_saved_mapping": "saved", "save_mapping_in_workspace": "saved",
}

__all__ = [
    "ColumnMapping", "ImportCancelled", "ImportPlan", "ImportResult", "MappingError", "PlannedRow", "Problem",
    "SpreadsheetError", "apply_import", "load_saved_mapping", "plan_import", "save_mapping_in_workspace",
    "write_report",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value
