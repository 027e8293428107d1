"""Links one can follow on a detail form: the reference fields' "Open" and the rows pointing at the row
(back-links), each opening its row on its page with its form."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from caio_desktop.operations import create_row
from caio_desktop.ui.registers.form import DetailForm
from caio_desktop.workspace.queries import fetch_rows
from tests.ui.shell.conftest import window  # noqa: F401 - the main window fixture

SYSTEM = "ChatGPT (comptes personnels)"


def _id(workspace, module: str, key: str, value: str) -> int:  # noqa: ANN001
    return next(r["id"] for r in fetch_rows(workspace, module) if r[key] == value)


def _headings(form: DetailForm) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in form.links.findChildren(QLabel) if label.objectName() == "fieldLabel"]


def test_an_ai_systems_form_lists_what_points_at_it(qtbot, demo_context) -> None:  # noqa: ANN001
    form = DetailForm(demo_context, "ai_systems")
    qtbot.addWidget(form)
    form.set_row(_id(demo_context.workspace, "ai_systems", "name", SYSTEM))
    assert _headings(form) == ["Cas d'usage (1)", "Risques (1)", "Actions (1)"]
    assert [b.full_text for b in form.links.links] == [
        "IA générative interne, alternative à ChatGPT",
        "R-011 — Fuite de données par les outils d'IA grand public",
        "Recenser les usages de ChatGPT par direction"]


def test_a_back_link_asks_for_its_row(qtbot, demo_context) -> None:  # noqa: ANN001
    form = DetailForm(demo_context, "ai_systems")
    qtbot.addWidget(form)
    form.set_row(_id(demo_context.workspace, "ai_systems", "name", SYSTEM))
    risk = next(b for b in form.links.links if b.full_text.startswith("R-011"))
    with qtbot.waitSignal(demo_context.row_requested) as asked:
        qtbot.mouseClick(risk, Qt.MouseButton.LeftButton)
    assert asked.args == ["risks", _id(demo_context.workspace, "risks", "code", "R-011")]


def test_a_new_risk_of_the_system_appears_at_once(qtbot, demo_context) -> None:  # noqa: ANN001
    system = _id(demo_context.workspace, "ai_systems", "name", SYSTEM)
    form = DetailForm(demo_context, "ai_systems")
    qtbot.addWidget(form)
    form.set_row(system)
    demo_context.perform(create_row, "risks", {"code": "R-950", "title": "Réponses inventées", "likelihood": 3,
                                               "impact": 3, "ai_system_id": system})
    assert "Risques (2)" in _headings(form)
    assert "R-950 — Réponses inventées" in [b.full_text for b in form.links.links]


def test_a_row_nothing_points_at_shows_no_links(qtbot, context) -> None:  # noqa: ANN001
    row_id = context.perform(create_row, "ai_systems", {"name": "Isolé"}).row_ids[0]
    form = DetailForm(context, "ai_systems")
    qtbot.addWidget(form)
    form.set_row(row_id)
    assert form.links.isHidden() and form.links.links == []


def test_a_risks_form_opens_its_system_and_lists_its_treatment_actions(qtbot, window, demo_file: Path) -> None:  # noqa: ANN001, F811
    window.files.open_path(demo_file)
    workspace = window.context.workspace
    risk = _id(workspace, "risks", "code", "R-011")
    window.context.perform(create_row, "risk_actions", {"risk_id": risk, "title": "Bloquer les comptes personnels"})
    window.context.row_requested.emit("risks", risk)
    form = window.pages["risks"].registers["risks"].form
    assert form.row["code"] == "R-011"
    assert "Actions de traitement (3)" in _headings(form)  # two in the demo, and this one
    action = next(b for b in form.links.links if b.full_text == "Bloquer les comptes personnels")
    qtbot.mouseClick(action, Qt.MouseButton.LeftButton)
    actions = window.pages["risks"].registers["risk_actions"]
    assert window.current_page() is window.pages["risks"]
    assert actions.form.row["title"] == "Bloquer les comptes personnels"
    assert window.pages["risks"].current_register() is actions  # its tab came to the front
    window.context.row_requested.emit("risks", risk)
    qtbot.mouseClick(form.open_buttons["ai_system_id"], Qt.MouseButton.LeftButton)
    systems = window.pages["systems"].registers["ai_systems"]
    assert window.current_page() is window.pages["systems"]
    assert systems.form.row["name"] == SYSTEM


def test_a_use_cases_form_opens_its_system_and_lists_its_risks(qtbot, window, demo_file: Path) -> None:  # noqa: ANN001, F811
    window.files.open_path(demo_file)
    workspace = window.context.workspace
    use_case = _id(workspace, "use_cases", "title", "IA générative interne, alternative à ChatGPT")
    risk = _id(workspace, "risks", "code", "R-011")
    from caio_desktop.operations import update_row

    window.context.perform(update_row, "risks", risk, {"use_case_id": use_case})
    window.context.row_requested.emit("use_cases", use_case)
    form = window.pages["strategy"].registers["use_cases"].form
    # its objectives (a multi-reference field), the initiatives delivering it, its risks (one was there)
    assert _headings(form) == ["Objectifs liés (2)", "Initiatives (2)", "Risques (2)"]
    assert form.open_buttons["ai_system_id"].isEnabled()
    qtbot.mouseClick(next(b for b in form.links.links if b.full_text.startswith("R-011")), Qt.MouseButton.LeftButton)
    assert window.current_page() is window.pages["risks"]
    assert window.pages["risks"].registers["risks"].form.row_id == risk


def test_a_long_title_is_elided_instead_of_widening_the_form(qtbot, demo_context) -> None:  # noqa: ANN001
    system = _id(demo_context.workspace, "ai_systems", "name", SYSTEM)
    long_title = "Réponses inventées " * 12
    demo_context.perform(create_row, "risks", {"code": "R-951", "title": long_title, "likelihood": 3,
                                               "impact": 3, "ai_system_id": system})
    form = DetailForm(demo_context, "ai_systems")
    qtbot.addWidget(form)
    form.resize(360, 600)
    form.show()
    form.set_row(system)
    link = next(b for b in form.links.links if b.full_text.startswith("R-951"))
    qtbot.waitUntil(lambda: link.text().endswith("…"))
    assert form.links.minimumSizeHint().width() < 200
    assert link.toolTip() == f"Ouvrir R-951 — {' '.join(long_title.split())}"
