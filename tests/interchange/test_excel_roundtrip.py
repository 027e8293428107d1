"""Round trip: export an engagement → import every register into a NEW engagement with the importer's
own mapping → export again: the two workbooks hold the same data, cell for cell, in French and English
(accents, line breaks, emoji, formula-like text, custom attributes, references between registers).

The computed columns an export shows (levels, scores, quadrant) are skipped by the importer because
the workbook carries our export keyword; operations recompute them.

An initiative depending on another initiative of the same sheet is linked by the importer's second
pass, once every row of the sheet is in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import python_calamine

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import MODULES
from caio_desktop.interchange.excel_export import export_workbook
from caio_desktop.interchange.importing import apply_import, plan_import
from caio_desktop.interchange.workbook_layout import computed_headers
from caio_desktop.operations import create_row, update_row
from caio_desktop.reference.maturity import load_maturity_model
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.queries import fetch_rows

AS_OF = dt.date(2026, 3, 16)
SELF_REFERENCES = {("initiatives", "depends_on_ids")}


def _value(workspace: Any, key: str, field: Any, n: int) -> Any:
    """A value of `field` for the n-th row (0 or 1) that exercises what a round trip may lose."""
    kind = field.kind
    if key == "maturity_ratings" and field.key == "dimension":
        return load_maturity_model().dimensions[n].key
    if kind == FieldKind.TEXT:
        return f"Évaluation n°{n} « {field.fr} » ✓ 🚀 — {key}"
    if kind == FieldKind.LONG_TEXT:
        return f"Première ligne {n} : déjà vu ?\r\nSeconde ligne — 🙂 {field.en}\n\t- puce"
    if kind in (FieldKind.INTEGER, FieldKind.PERCENT):
        return 45 + n
    if kind == FieldKind.SCORE:
        return 2 + 2 * n
    if kind == FieldKind.NUMBER:
        return 1.5 + n
    if kind == FieldKind.DATE:
        return dt.date(2026, 4, 1) + dt.timedelta(days=40 * n)
    if kind == FieldKind.BOOL:
        return n == 0
    if kind == FieldKind.CHOICE:
        codes = ENUMERATIONS[field.choices].codes
        return codes[-1 - n]
    if kind == FieldKind.COLOR:
        return "#12AB34"
    targets = [r["id"] for r in fetch_rows(workspace, field.ref)]
    if kind == FieldKind.REF:
        return targets[n % len(targets)]
    return targets[:2]  # REFS


def fill_every_register(workspace: Any) -> None:
    for key, mod in MODULES.items():
        if mod.singleton or key == "phases":  # phases exist from the start, in both engagements
            continue
        for n in range(2):
            values = {f.key: _value(workspace, key, f, n) for f in mod.editable_fields
                      if (key, f.key) not in SELF_REFERENCES and not (key == "risks" and f.key == "code")}
            values["custom"] = ({"Zone géographique": "Île-de-France", "Formule client": "=SOMME(A1:A3)",
                                 "Code client": "007"} if n == 0 else
                                {"Remarque": "ligne 1\nligne 2 🚀", "Zone géographique": "+33 Sud"})
            row_id = create_row(workspace, key, values).row_ids[0]
            if key == "initiatives" and n == 1:  # a link to a row of the same sheet
                update_row(workspace, key, row_id, {"depends_on_ids": [row_id - 1]})


def _new_engagement(path: Path) -> Any:
    return Workspace.create(path, client="Assurances du Rhône", language="fr", start=dt.date(2026, 1, 5),
                            months=12, sector="Assurance", consultant="Camille Durand")


def _sheets(path: Path) -> dict[str, list[list[Any]]]:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def reimport(workbook: Path, copy: Any, lang: str) -> None:
    """Import every register of an exported workbook, in registry order (referenced rows first)."""
    for key, mod in MODULES.items():
        if mod.singleton:
            continue
        plan = plan_import(copy, workbook, key, sheet=mod.label(lang), mapping="auto", lang=lang)
        computed = computed_headers(mod)
        labels = {f.label(lang) for f in mod.fields} - computed
        assert not [h for h, f in plan.mapping.columns.items() if f is None and h in labels], key
        assert not [r for r in plan.rows if computed & set((r.values or {}).get("custom") or {})], key
        result = apply_import(copy, plan)
        assert not result.rejected, [r.error.text() for r in result.rejected]
        assert not result.warnings, [w.text() for w in result.warnings]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_export_import_export_gives_the_same_data(workspace: Any, tmp_path: Path, lang: str) -> None:
    fill_every_register(workspace)
    first = export_workbook(workspace, tmp_path / "first.xlsx", lang=lang, as_of=AS_OF)
    copy = _new_engagement(tmp_path / "copy.caio")
    try:
        reimport(first, copy, lang)
        second = export_workbook(copy, tmp_path / "second.xlsx", lang=lang, as_of=AS_OF)
    finally:
        copy.close()

    before, after = _sheets(first), _sheets(second)
    assert list(before) == list(after)
    for key, mod in MODULES.items():
        rows = before[mod.label(lang)]
        if not mod.singleton:
            assert len(rows) == 1 + (4 if key == "phases" else 2), key  # the test is not vacuous
        assert after[mod.label(lang)] == rows, key
    for name in before:  # cover, heat map, maturity summary, lists
        assert after[name] == before[name], name


def test_the_imported_rows_hold_exactly_the_original_values(workspace: Any, tmp_path: Path) -> None:
    fill_every_register(workspace)
    first = export_workbook(workspace, tmp_path / "first.xlsx", as_of=AS_OF)
    copy = _new_engagement(tmp_path / "copy.caio")
    try:
        reimport(first, copy, "fr")
        pairs = {key: (fetch_rows(workspace, key), fetch_rows(copy, key)) for key in MODULES}
    finally:
        copy.close()
    for key, (original, imported) in pairs.items():
        mod = MODULES[key]
        plain = [f.key for f in mod.fields if f.kind not in (FieldKind.REF, FieldKind.REFS)]
        for field in [*plain, "custom"]:
            assert [r[field] for r in imported] == [r[field] for r in original], f"{key}.{field}"
    risk = pairs["risks"][1][0]
    assert "\r\n" in risk["description"] and "🚀" in risk["title"]
    assert risk["custom"] == {"Zone géographique": "Île-de-France", "Formule client": "=SOMME(A1:A3)",
                              "Code client": "007"}
