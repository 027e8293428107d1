"""Property-based tests of the importer (hypothesis): arbitrary cell values, header rows and sheet shapes,
in CSV and xlsx. Whatever the sheet, planning either refuses it with the importer's own clear error or
yields a plan; applying the plan adds exactly the rows it reports, and the workspace stays healthy.

The number of examples is bounded (EXAMPLES per format) so that CI stays fast; the long form
(`make crash-test`) sets CAIO_PROPERTY_EXAMPLES.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from caio_desktop.interchange.importing import MappingError, SpreadsheetError, apply_import, plan_import
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.check import check_workspace
from caio_desktop.workspace.digest import content_hash
from caio_desktop.workspace.queries import count_rows

EXAMPLES = int(os.environ.get("CAIO_PROPERTY_EXAMPLES", "40"))  # make crash-test: 500
HEADER_NAMES = ["Titre", "Title", "Risque", "Probabilité", "Likelihood", "Impact", "Gravité", "Propriétaire",
                "Owner", "Catégorie", "Statut", "Date de revue", "Commentaire", "", "Titre", "=SUM(A1)"]

cell_values = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(["3", "5", "0", "6", "élevé", "High", "  2 ", "=1+1", "-", "N/A", "#REF!", "1e308"]),
    st.integers(min_value=-10**9, max_value=10**9),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.booleans(),
)


@st.composite
def sheets(draw: st.DrawFn) -> list[list[object]]:
    """A sheet: optional junk rows above, a header (usually naming the required risk columns among
    others, in any order) and rows of any values, scores often valid so that rows get imported."""
    extra = draw(st.lists(st.one_of(st.sampled_from(HEADER_NAMES), st.text(max_size=12)), max_size=4))
    required = ["Titre", "Probabilité", "Impact"] if draw(st.integers(0, 9)) else []
    header = draw(st.permutations(required + extra)) or ["Titre"]
    junk = draw(st.lists(st.lists(cell_values, min_size=0, max_size=3), max_size=2))
    score = st.integers(min_value=1, max_value=5)
    any_row = st.lists(st.one_of(cell_values, score), min_size=0, max_size=len(header) + 2)
    valid_row = st.tuples(st.text(min_size=1, max_size=40).filter(str.strip), score, score).map(list)
    rows = draw(st.lists(st.one_of(any_row, valid_row, valid_row), max_size=12))
    if required:  # the required columns first, in header order, for the "valid row" shape
        order = [header.index(name) for name in required]
        rows = [_placed(r, order, len(header)) if len(r) == 3 and r[0] else r for r in rows]
    return [*junk, header, *rows]


def _placed(values: list[object], order: list[int], width: int) -> list[object]:
    placed: list[object] = [None] * width
    for value, column in zip(values, order, strict=True):
        placed[column] = value
    return placed


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("props") / "template.caio"
    Workspace.create(path, client="Mutuelle Atlantique", language="fr").close()
    return path


def write_csv(path: Path, rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=";").writerows([["" if v is None else v for v in row] for row in rows])


def write_xlsx(path: Path, rows: list[list[object]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else
                      (None if isinstance(v, float) and v != v else v) for v in row])
    workbook.save(path)


def check_import(template: Path, folder: Path, rows: list[list[object]], suffix: str) -> None:
    workspace_path = folder / "ws.caio"
    shutil.copyfile(template, workspace_path)
    sheet = folder / f"sheet{suffix}"
    (write_csv if suffix == ".csv" else write_xlsx)(sheet, rows)
    before = content_hash(workspace_path)
    with Workspace.open(workspace_path) as ws:
        try:
            plan = plan_import(ws, sheet, "risks", mapping="auto", lang="fr")
        except (SpreadsheetError, MappingError) as exc:
            assert str(exc).strip()
            refused = True
            event(f"refused: {type(exc).__name__}")
        else:
            refused = False
            risks_before = count_rows(ws, "risks")
            result = apply_import(ws, plan)
            event("rows imported" if result.imported else "plan without new rows")
            assert count_rows(ws, "risks") == risks_before + result.imported
            assert result.imported + result.updated + result.unchanged + len(result.rejected) == (
                len(plan.valid) + len(plan.rejected))
    if refused:
        assert content_hash(workspace_path) == before
    assert check_workspace(workspace_path) == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=sheets())
def test_any_sheet_is_refused_clearly_or_imported_exactly(template: Path, tmp_path: Path, suffix: str,
                                                          rows: list[list[object]]) -> None:
    check_import(template, tmp_path, rows, suffix)
