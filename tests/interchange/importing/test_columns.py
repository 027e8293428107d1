"""Column-by-column conversion: equal cells converted once, yet every row gets its own warnings, errors
and values, as a row-by-row conversion would give them."""

from __future__ import annotations

from pathlib import Path

from caio_desktop.interchange.importing import plan_import
from caio_desktop.interchange.importing.plan import PROGRESS_EVERY
from tests.interchange.importing.conftest import write_xlsx

HEADER = ["Risque", "Probabilité", "Impact", "Catégorie", "Remarque"]


def test_repeated_cells_give_each_row_its_own_problems(workspace, tmp_path: Path) -> None:
    rows = [HEADER]
    for n in range(PROGRESS_EVERY + 3):  # across two blocks: what a block learnt serves the next
        rows.append([f"Risque {n}", "souvent" if n % 2 else "Élevé", 3 if n % 3 else "#REF!",
                     "Magie noire" if n % 5 == 0 else "RGPD", f"note {n}" if n % 7 == 0 else None])
    plan = plan_import(workspace, write_xlsx(tmp_path / "r.xlsx", rows), "risks", mapping="auto")
    assert len(plan.rows) == PROGRESS_EVERY + 3
    for n, row in enumerate(plan.rows):
        line = n + 2
        assert row.line == line and row.cells[0] == f"Risque {n}"
        if n % 2 or n % 3 == 0:  # likelihood unfit, or impact an error cell: required, so refused
            assert row.error is not None and row.error.line == line
            assert row.error.column == ("Probabilité" if n % 2 else "Impact")
            assert row.error.reason.endswith("and the field is required")
            assert row.values["title"] == f"Risque {n}"  # the converted values, as the report shows them
            continue
        assert row.error is None
        assert row.values["likelihood"] == 4 and row.values["impact"] == 3
        assert row.derived == {"level": row.derived["level"], "residual_level": None} and row.derived["level"]
        expected_custom = {}
        if n % 5 == 0:
            expected_custom["Catégorie"] = "Magie noire"
            assert [w.column for w in row.warnings] == ["Catégorie"] and row.warnings[0].line == line
            assert row.values["category"] is None
        else:
            assert not row.warnings and row.values["category"] == "privacy_gdpr"
        if n % 7 == 0:
            expected_custom["Remarque"] = f"note {n}"
        assert row.values["custom"] == expected_custom


def test_ragged_and_blank_rows(workspace, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("Risque;Probabilité;Impact;Remarque\nA;2;3\n;;;\nB;4;5;vu\n", encoding="utf-8")
    plan = plan_import(workspace, path, "risks", mapping="auto")
    assert [(r.line, r.values["title"], r.values["custom"]) for r in plan.rows] == [
        (2, "A", {}), (4, "B", {"Remarque": "vu"})]


def test_a_client_column_of_texts_is_kept_cell_for_cell_whatever_they_start_with(workspace, tmp_path: Path) -> None:
    notes = ["revue T1", " vu en comité", "\u3000à revoir", "  #REF!", "#N/A", "n°12 #3"]
    rows = [HEADER] + [[f"Risque {n}", 2, 3, "RGPD", note] for n, note in enumerate(notes)]
    plan = plan_import(workspace, write_xlsx(tmp_path / "r.xlsx", rows), "risks", mapping="auto")
    assert [r.values["custom"].get("Remarque") for r in plan.rows] == [
        "revue T1", " vu en comité", "\u3000à revoir", None, None, "n°12 #3"]
    assert [(w.line, w.column, w.value) for r in plan.rows for w in r.warnings] == [
        (5, "Remarque", "  #REF!"), (6, "Remarque", "#N/A")]
    # A column of plain texts only (the usual case, kept in one pass): every cell as the client typed it.
    plain = [HEADER] + [[f"Risque {n}", 2, 3, "RGPD", f" note {n}"] for n in range(3)]
    plan = plan_import(workspace, write_xlsx(tmp_path / "p.xlsx", plain), "risks", mapping="auto")
    assert [r.values["custom"] for r in plan.rows] == [{"Remarque": f" note {n}"} for n in range(3)]
    assert not plan.warnings
    # An error cell hidden behind spaces among texts that all start with a space is still found.
    spaced = [HEADER] + [[f"Risque {n}", 2, 3, "RGPD", note] for n, note in enumerate([" vu", "  #REF!"])]
    plan = plan_import(workspace, write_xlsx(tmp_path / "s.xlsx", spaced), "risks", mapping="auto")
    assert [r.values["custom"] for r in plan.rows] == [{"Remarque": " vu"}, {}]
    assert [(w.line, w.value) for w in plan.warnings] == [(3, "  #REF!")]
