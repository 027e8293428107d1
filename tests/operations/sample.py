"""Valid sample values for any module, built from the field registry (referenced rows are created)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import MODULES
from caio_desktop.operations import create_row
from caio_desktop.reference.maturity import load_maturity_model


def sample_values(workspace, module_key: str, *, text: str = "Évaluation « IA » ✓ 🚀") -> dict[str, Any]:
    mod = MODULES[module_key]
    values: dict[str, Any] = {}
    for field in mod.editable_fields:
        kind = field.kind
        if kind == FieldKind.REF:
            if not field.required:
                continue
            values[field.key] = create_row(workspace, field.ref, sample_values(workspace, field.ref)).row_ids[0]
        elif kind == FieldKind.REFS:
            continue
        elif module_key == "maturity_ratings" and field.key == "dimension":
            values[field.key] = load_maturity_model().dimensions[0].key
        elif module_key == "risks" and field.key == "code":
            continue
        elif kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
            values[field.key] = f"{text} {field.key}"
        elif kind in (FieldKind.SCORE,):
            values[field.key] = 3
        elif kind in (FieldKind.INTEGER, FieldKind.PERCENT):
            values[field.key] = 2
        elif kind == FieldKind.NUMBER:
            values[field.key] = 1.5
        elif kind == FieldKind.DATE:
            values[field.key] = dt.date(2026, 4, 1)
        elif kind == FieldKind.BOOL:
            values[field.key] = True
        elif kind == FieldKind.CHOICE:
            values[field.key] = ENUMERATIONS[field.choices].codes[0]
        elif kind == FieldKind.COLOR:
            values[field.key] = "#12AB34"
    return values
