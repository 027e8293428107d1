"""What the export reads: rows page by page, full labels of referenced rows, custom attribute names."""

from __future__ import annotations

from caio_desktop.interchange.excel_export.reading import RefLabels, custom_attribute_names, iter_rows
from caio_desktop.operations import create_row


def test_pages_cover_every_row_once_in_id_order(workspace):
    for i in range(7):
        create_row(workspace, "watch", {"title": f"Veille {i}"})
    pages = list(iter_rows(workspace, "watch", page_size=3))
    assert [len(p) for p in pages] == [3, 3, 1]
    assert [r["title"] for p in pages for r in p] == [f"Veille {i}" for i in range(7)]
    assert list(iter_rows(workspace, "risks")) == []


def test_pages_of_a_register_with_link_lists_carry_the_links(workspace):
    objective = create_row(workspace, "objectives", {"title": "Objectif"}).row_ids[0]
    for i in range(5):
        create_row(workspace, "use_cases", {"title": f"Cas {i}", "objective_ids": [objective] if i % 2 else []})
    rows = [r for page in iter_rows(workspace, "use_cases", page_size=2) for r in page]
    assert [(r["title"], r["objective_ids"]) for r in rows] == [
        ("Cas 0", []), ("Cas 1", [objective]), ("Cas 2", []), ("Cas 3", [objective]), ("Cas 4", [])]


def test_custom_names_in_the_order_the_client_first_used_them(workspace):
    create_row(workspace, "watch", {"title": "a", "custom": {"Zone": "N", "Budget": "10"}})
    create_row(workspace, "watch", {"title": "b", "custom": {"Priorité client": "1", "Zone": "S"}})
    create_row(workspace, "watch", {"title": "c", "custom": {"Budget": "3", "Année": "2026"}})
    assert custom_attribute_names(workspace, "watch") == ["Zone", "Budget", "Priorité client", "Année"]
    assert custom_attribute_names(workspace, "risks") == []


def test_reference_labels_are_codes_else_full_titles(workspace):
    long_title = "Un titre de cas d'usage bien plus long que quarante caractères,\nsur deux lignes"
    use_case = create_row(workspace, "use_cases", {"title": long_title}).row_ids[0]
    risk = create_row(workspace, "risks", {"title": "Biais", "likelihood": 2, "impact": 2}).row_ids[0]
    labels = RefLabels(workspace)
    assert labels.label("use_cases", use_case) == " ".join(long_title.split())  # never cut short
    assert labels.label("risks", risk) == "R-001"
    assert labels.label("risks", None) is None
