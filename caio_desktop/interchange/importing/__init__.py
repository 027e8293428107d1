"""Importing client spreadsheets (xlsx, xlsm, xls, ods, csv) into any module of an engagement.

    plan = plan_import(ws, "inventaire.xlsx", "ai_systems")      # read, map, convert, validate
    result = apply_import(ws, plan)                               # one transaction, one undo step
    write_report("rejets.xlsx", plan.headers, result.rejected)    # the rows to fix and re-import

Reading is bounded (size, rows, columns, zip bombs, XML entities, encrypted files refused clearly);
columns that map to no field become custom attributes; nothing is written before `apply_import`.
"""

from caio_desktop.interchange.importing.apply import ImportResult, apply_import
from caio_desktop.interchange.importing.errors import ImportCancelled, MappingError, SpreadsheetError
from caio_desktop.interchange.importing.mapping import ColumnMapping
from caio_desktop.interchange.importing.plan import ImportPlan, PlannedRow, Problem, plan_import
from caio_desktop.interchange.importing.report import write_report
from caio_desktop.interchange.importing.saved import load_saved_mapping, save_mapping_in_workspace

__all__ = [
    "ColumnMapping", "ImportCancelled", "ImportPlan", "ImportResult", "MappingError", "PlannedRow", "Problem",
    "SpreadsheetError", "apply_import", "load_saved_mapping", "plan_import", "save_mapping_in_workspace",
    "write_report",
]
