"""Marks on register cells that the data alone does not show: a citation still to be confirmed against the
Official Journal, an item a newer reference version added or changed.

The compliance checklist generator writes these facts as custom attributes of the rows it creates
(``operations.compliance``); the register model asks ``cell_note`` for each cell it shows and appends the
mark to the text, with the explanation as the tooltip. One function rather than per-module code in the
model, so a module without notes costs one dictionary look-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from caio_desktop.reference.verification import UNVERIFIED, UNVERIFIED_MARK

# The mark of an item a newer reference version added or changed.
UPDATE_MARK = "◆"


@dataclass(frozen=True)
class CellNote:
    """A mark to append to a cell's text and the tooltip that explains it."""

    mark: str
    tooltip: str


def _custom(row: dict[str, Any]) -> dict[str, Any]:
    custom = row.get("custom")
    return custom if isinstance(custom, dict) else {}


def unverified_note() -> CellNote:
    """The note of a citation resting on secondary sources."""
    return CellNote(UNVERIFIED_MARK, QCoreApplication.translate(
        "ReferenceMarks",
        "Unverified citation: it rests on secondary sources and is to be confirmed against the Official "
        "Journal (caio reference list --unverified lists the sources)."))


def _update_note(custom: dict[str, Any]) -> CellNote | None:
    kind = custom.get("reference_change")
    version = str(custom.get("reference_change_version") or "")
    if kind == "added":
        return CellNote(UPDATE_MARK, QCoreApplication.translate(
            "ReferenceMarks", "Added by reference version %1").replace("%1", version))
    if kind != "changed":
        return None
    text = QCoreApplication.translate("ReferenceMarks", "Changed by reference version %1").replace("%1", version)
    if custom.get("reference_proposed"):
        text += "\n" + QCoreApplication.translate(
            "ReferenceMarks", "Your text was kept; the new text is: %1").replace("%1", str(custom["reference_proposed"]))
    elif custom.get("reference_previous"):
        text += "\n" + QCoreApplication.translate(
            "ReferenceMarks", "Previous text: %1").replace("%1", str(custom["reference_previous"]))
    return CellNote(UPDATE_MARK, text)


def cell_note(module_key: str, field_key: str, row: dict[str, Any]) -> CellNote | None:
    """The note of one cell, or None (nearly always)."""
    if module_key != "compliance":
        return None
    custom = _custom(row)
    if field_key == "reference" and custom.get("reference_verification") == UNVERIFIED:
        return unverified_note()
    if field_key == "requirement":
        return _update_note(custom)
    return None
