"""Back-links (workspace/backlinks.py): which rows point at a row, derived from the schema."""

from __future__ import annotations

from caio_desktop.operations import create_row
from caio_desktop.workspace.backlinks import back_links, linked_labels, pointers
from caio_desktop.workspace.queries import fetch_rows


def _system_id(workspace, name: str) -> int:  # noqa: ANN001
    return next(r["id"] for r in fetch_rows(workspace, "ai_systems") if r["name"] == name)


def test_pointers_come_from_foreign_keys_link_tables_and_the_actions_origin() -> None:
    to_systems = {(p.module, p.column) for p in pointers("ai_systems")}
    assert to_systems == {("use_cases", "ai_system_id"), ("risks", "ai_system_id"),
                          ("compliance", "ai_system_id"), ("actions", None)}
    to_use_cases = {p.module for p in pointers("use_cases")}
    assert to_use_cases == {"risks", "initiatives", "actions"}  # initiatives: through their link table
    assert "risk_actions" in {p.module for p in pointers("risks")}
    assert "vendor_scores" not in {p.module for p in pointers("vendor_options")}  # numbers, not names


def test_an_ai_system_lists_its_use_cases_risks_and_actions(demo_workspace) -> None:  # noqa: ANN001
    groups = {g.module: g for g in back_links(demo_workspace, "ai_systems",
                                              _system_id(demo_workspace, "ChatGPT (comptes personnels)"))}
    assert [r["code"] for r in groups["risks"].rows] == ["R-011"]
    assert [r["title"] for r in groups["use_cases"].rows] == ["IA générative interne, alternative à ChatGPT"]
    assert [r["title"] for r in groups["actions"].rows] == ["Recenser les usages de ChatGPT par direction"]
    assert list(groups) == ["use_cases", "risks", "actions"]  # the registry's order


def test_a_long_list_is_cut_and_counted(workspace) -> None:  # noqa: ANN001
    system = create_row(workspace, "ai_systems", {"name": "Scoring"}).row_ids[0]
    for i in range(5):
        create_row(workspace, "risks", {"code": f"R-{9 - i:03d}", "title": f"Risque {i}", "likelihood": 2,
                                        "impact": 2, "ai_system_id": system})
    (risks,) = back_links(workspace, "ai_systems", system, limit=3)
    assert risks.total == 5
    assert [r["code"] for r in risks.rows] == ["R-005", "R-006", "R-007"]  # in code order


def test_linked_labels_of_every_system_at_once(demo_workspace) -> None:  # noqa: ANN001
    system = _system_id(demo_workspace, "ChatGPT (comptes personnels)")
    risks = linked_labels(demo_workspace, "ai_systems", "risks")
    assert risks[system] == ["R-011"]
    assert all(codes == sorted(codes) for codes in risks.values())
    use_cases = linked_labels(demo_workspace, "ai_systems", "use_cases", [system])
    assert use_cases == {system: ["IA générative interne, alternative à ChatGPT"]}
