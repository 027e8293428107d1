"""Reads: paging, ordering, filters, link lists, labels and counts."""

from __future__ import annotations

from caio_desktop.domain.modules import MODULES
from caio_desktop.operations import create_row
from caio_desktop.workspace.queries import count_rows, counts, fetch_rows, get_row, labels, row_label


def test_paging_and_ordering(workspace) -> None:
    for n, impact in enumerate((3, 5, 1, 4, 2), start=1):
        create_row(workspace, "risks", {"title": f"Risque {n}", "likelihood": 2, "impact": impact})
    assert [r["code"] for r in fetch_rows(workspace, "risks", offset=1, limit=2)] == ["R-002", "R-003"]
    by_impact = fetch_rows(workspace, "risks", order_by="impact", descending=True)
    assert [r["impact"] for r in by_impact] == [5, 4, 3, 2, 1]
    assert [r["title"] for r in fetch_rows(workspace, "risks", where={"impact": 4})] == ["Risque 4"]
    assert count_rows(workspace, "risks") == 5
    assert counts(workspace)["risks"] == 5 and counts(workspace)["engagement"] == 1


def test_links_labels_and_missing_rows(workspace) -> None:
    goals = [create_row(workspace, "objectives", {"title": t}).row_ids[0] for t in ("Croissance", "Coûts")]
    uc = create_row(workspace, "use_cases", {"title": "Tarification", "objective_ids": goals[::-1]})
    assert get_row(workspace, "use_cases", uc.row_ids[0])["objective_ids"] == goals
    assert get_row(workspace, "use_cases", 999) is None
    risk = create_row(workspace, "risks", {"title": "Un titre " + "très " * 20 + "long", "likelihood": 1,
                                           "impact": 1})
    assert labels(workspace, "risks") == {risk.row_ids[0]: "R-001"}
    assert labels(workspace, "objectives")[goals[0]] == "Croissance"
    assert row_label(MODULES["objectives"], {"id": 3, "title": "a\nb " + "x" * 60}).endswith("…")


def test_ids_are_read_in_slices_small_enough_for_one_in_clause_each() -> None:
    from caio_desktop.workspace.queries import PARAMETER_LIMIT, id_chunks

    ids = list(range(2 * PARAMETER_LIMIT + 5))
    slices = list(id_chunks(ids))
    assert [len(s) for s in slices] == [PARAMETER_LIMIT, PARAMETER_LIMIT, 5]
    assert [i for s in slices for i in s] == ids and list(id_chunks([])) == []
