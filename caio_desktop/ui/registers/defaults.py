"""The values a new row starts with, so that "Add" gives a valid row to edit at once (like a new line
in a spreadsheet): a placeholder title, today's date, middle scores, the first choice or reference."""

from __future__ import annotations

import datetime as dt
from typing import Any

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import MODULES
from caio_desktop.workspace import queries


def new_row_values(workspace, module_key: str, lang: str, *,  # noqa: ANN001
                   fixed: dict[str, Any] | None = None) -> dict[str, Any]:
    """Values for every required field of a new row of `module_key` (`fixed` wins).

    Raises ValidationError naming the missing reference when a required one has no row to point at
    (a risk action needs a risk first).
    """
    mod = MODULES[module_key]
    values: dict[str, Any] = dict(fixed or {})
    if module_key == "maturity_ratings":
        _first_unrated_dimension(workspace, values)
    for field in mod.fields:
        if field.computed or field.key in values:
            continue
        if field.kind == FieldKind.SCORE and not field.required:
            continue
        if not field.required and field.key != mod.title_field:
            continue
        kind = field.kind
        if kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
            entity = mod.entity(lang)
            values[field.key] = (f"{entity[:1].upper()}{entity[1:]} à compléter" if lang == "fr"
                                 else f"New {entity}")
        elif kind == FieldKind.DATE:
            values[field.key] = dt.date.today()
        elif kind == FieldKind.SCORE:
            values[field.key] = 3
        elif kind in (FieldKind.NUMBER, FieldKind.INTEGER):
            values[field.key] = 1
        elif kind == FieldKind.PERCENT:
            values[field.key] = 0
        elif kind == FieldKind.CHOICE:
            values[field.key] = ENUMERATIONS[field.choices or ""].codes[0]
        elif kind == FieldKind.REF and field.ref:
            rows = queries.fetch_rows(workspace, field.ref, limit=1)
            if not rows:
                raise ValidationError(module_key, field.key, None,
                                      f"needs a row in {MODULES[field.ref].label('en')} first")
            values[field.key] = rows[0]["id"]
    return values


def _first_unrated_dimension(workspace, values: dict[str, Any]) -> None:  # noqa: ANN001
    """A rating is of a dimension of the reference model: the first one the assessment lacks."""
    from caio_desktop.reference.maturity import load_maturity_model

    if "assessment_id" not in values:
        assessments = queries.fetch_rows(workspace, "maturity", limit=1, order_by="assessed_on", descending=True)
        if not assessments:
            return  # the required reference is reported below
        values["assessment_id"] = assessments[0]["id"]
    if "dimension" in values:
        return
    rated = {r["dimension"] for r in queries.fetch_rows(workspace, "maturity_ratings",
                                                        where={"assessment_id": values["assessment_id"]})}
    keys = [d.key for d in load_maturity_model().dimensions if d.key not in rated]
    if not keys:
        raise ValidationError("maturity_ratings", "dimension", None, "every dimension is already rated")
    values["dimension"] = keys[0]
