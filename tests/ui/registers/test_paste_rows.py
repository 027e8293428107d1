"""Rows pasted from Excel into a register: by header (either language, any order) or in the order of the
columns shown; levels in words and choices by label as an import reads them; one undo step for the
whole paste; a refused cell refuses it all, with its line, column and value."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication

from caio_desktop.domain.modules import MODULES
from caio_desktop.operations import create_row
from caio_desktop.ui.registers.paste import PasteRefused, paste_rows, read_pasted, split_cells
from caio_desktop.ui.registers.view import RegisterWidget
from caio_desktop.workspace.queries import fetch_rows


def _register(qtbot, context, module_key: str) -> tuple[RegisterWidget, list[str]]:
    widget = RegisterWidget(context, module_key)
    qtbot.addWidget(widget)
    refusals: list[str] = []
    widget.show_refusal = lambda parent, text: refusals.append(text)  # type: ignore[method-assign]
    return widget, refusals


def _risks(context) -> list[dict]:  # noqa: ANN001
    return fetch_rows(context.workspace, "risks")


def test_paste_with_an_english_header_in_another_order(qtbot, context) -> None:
    widget, refusals = _register(qtbot, context, "risks")
    text = ("Impact\tTitle\tLikelihood\tCategory\n"
            "High\tModel drift in pricing\tmedium\tCybersecurity\n"
            "très élevé\tBiais du scoring crédit\t2\tÉthique de l'IA\n")
    ids = widget.paste_rows(text)
    assert refusals == [] and len(ids) == 2
    assert sorted(widget.selected_ids()) == sorted(ids)  # the pasted rows are selected
    rows = {r["title"]: r for r in _risks(context)}
    assert rows["Model drift in pricing"]["impact"] == 4 and rows["Model drift in pricing"]["likelihood"] == 3
    assert rows["Biais du scoring crédit"]["impact"] == 5 and rows["Biais du scoring crédit"]["likelihood"] == 2
    assert rows["Model drift in pricing"]["category"] == "cybersecurity"
    assert rows["Biais du scoring crédit"]["category"] == "ai_ethics"
    assert context.undo_stack.count() == 1  # the whole paste is one step
    assert "×2" in context.undo_stack.undoText()
    context.undo_stack.undo()
    assert _risks(context) == []
    context.undo_stack.redo()
    assert len(_risks(context)) == 2


def test_paste_without_header_follows_the_columns_shown(qtbot, context) -> None:
    widget, refusals = _register(qtbot, context, "team")
    titles = [title for _field, title in widget.shown_columns()]
    assert titles[:2] == ["Nom", "Rôle"]
    ids = widget.paste_rows("Aline Mercier\tDPO\tJuridique\taline@client.fr\n"
                            "Marc Petit\tDSI\tIT\n")
    assert refusals == [] and len(ids) == 2
    rows = {r["name"]: r for r in fetch_rows(context.workspace, "team")}
    assert rows["Aline Mercier"]["role"] == "DPO" and rows["Aline Mercier"]["email"] == "aline@client.fr"
    assert rows["Marc Petit"]["email"] is None


def test_a_refused_cell_refuses_the_whole_paste_and_says_where(qtbot, context) -> None:
    widget, refusals = _register(qtbot, context, "risks")
    text = ("Titre\tProbabilité\tImpact\n"
            "Fuite de données\t4\t3\n"
            "Dérive du modèle\tsouvent\t2\n"
            "\tfaible\t2\n")
    assert widget.paste_rows(text) == []
    assert _risks(context) == [] and context.undo_stack.count() == 0  # nothing half-applied
    assert len(refusals) == 1
    message = refusals[0]
    assert "Ligne 3, Probabilité : « souvent » n'est pas un niveau" in message
    assert "Ligne 4, Titre" in message and "obligatoire" in message


def test_copied_rows_paste_back_as_new_rows(qtbot, demo_context) -> None:
    widget, refusals = _register(qtbot, demo_context, "risks")
    before = len(_risks(demo_context))
    selection = widget.table.selectionModel()
    for row in (0, 1):
        selection.select(widget.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    widget.copy_selected()  # headers as shown, computed columns (score, level) included
    copied = QApplication.clipboard().text()
    ids = widget.paste_rows()
    assert refusals == [], refusals
    assert len(ids) == 2 and len(_risks(demo_context)) == before + 2
    first_copied = copied.splitlines()[1].split("\t")
    title_column = copied.splitlines()[0].split("\t").index("Risque")
    pasted = {r["id"]: r for r in _risks(demo_context)}
    assert first_copied[title_column] in {pasted[i]["title"] for i in ids}


def test_a_column_that_names_no_field_is_left_out_and_said(qtbot, context) -> None:
    widget, refusals = _register(qtbot, context, "team")
    ids = widget.paste_rows("Nom\tCouleur préférée\tRôle\nAline Mercier\tbleu\tDPO\n")
    assert len(ids) == 1
    assert fetch_rows(context.workspace, "team")[0]["role"] == "DPO"
    assert len(refusals) == 1 and "Couleur préférée" in refusals[0]


def test_a_restricted_register_gives_its_fixed_values(qtbot, context) -> None:
    system_id = context.perform(create_row, "ai_systems", {"name": "Tarificateur"}).row_ids[0]
    widget = RegisterWidget(context, "risks", where={"ai_system_id": system_id})
    qtbot.addWidget(widget)
    widget.paste_rows("Titre\tProbabilité\tImpact\nDérive du modèle\t3\t3\n")
    assert [r["ai_system_id"] for r in _risks(context)] == [system_id]


def test_excel_quotes_a_cell_holding_a_line_break() -> None:
    assert split_cells('Titre\tNotes\r\nA\t"deux\nlignes"\r\n\r\n') == [["Titre", "Notes"], ["A", "deux\nlignes"]]


def test_a_row_refused_while_adding_leaves_nothing(context) -> None:
    mod = MODULES["risk_actions"]
    plan = read_pasted("Titre\nRelancer\n", mod, [], lang="fr", targets=lambda key: {})
    assert plan.refusals and "Risque" in plan.refusals[0].column  # a risk action needs its risk
    try:
        paste_rows(context.workspace, "risk_actions", [{"title": "Relancer", "risk_id": 999}], [2])
    except PasteRefused as exc:
        assert exc.refusal.line == 2 and "999" in exc.refusal.value
    else:  # pragma: no cover - the assertion below explains
        raise AssertionError("a reference to no risk was accepted")
    assert fetch_rows(context.workspace, "risk_actions") == []
