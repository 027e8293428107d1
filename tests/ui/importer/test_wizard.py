"""The import wizard driven as a user would: file, sheet, mapping, preview, import, report, undo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton

from caio_desktop.interchange.importing.plan import ImportPlan
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.importer import ImportWizard
from caio_desktop.ui.importer.models import tint
from caio_desktop.ui.importer.page_run import ReportPage
from caio_desktop.workspace.queries import count_rows, fetch_rows, setting
from caio_desktop.workspace.snapshots import list_snapshots
from tests.interchange.importing.conftest import write_xlsx

SHOTS = os.environ.get("CAIO_SHOTS")  # a folder: save a screenshot of every page there


def _sheet(tmp_path: Path, rows: int = 3) -> Path:
    data = [["Fuite de données", "Élevé", "Critique", "Cyber", "vu en COPIL"],
            ["Biais", "souvent", 3, "Éthique", None],
            ["Hallucinations", 2, 4, "Sorcellerie", None]]
    data += [[f"Risque {i}", 2, 3, "RGPD", None] for i in range(rows - 3)]
    return write_xlsx(tmp_path / "risques.xlsx", [["Registre des risques — Assurances du Rhône"], [],
                                                   ["Risque", "Probabilité", "Impact", "Catégorie", "Remarque"],
                                                   *data], merged=["A1:E1"])


@pytest.fixture
def context(qtbot, workspace) -> AppContext:
    ctx = AppContext(lang="fr")
    ctx.set_workspace(workspace)
    return ctx


def _shot(wizard: ImportWizard, name: str) -> None:
    if SHOTS:
        wizard.grab().save(str(Path(SHOTS) / f"import-{name}.png"))


def _through_preview(qtbot, wizard: ImportWizard) -> None:
    wizard.show()
    qtbot.waitExposed(wizard)
    _shot(wizard, "1-file")
    wizard.next()
    assert wizard.currentId() == ImportWizard.SHEET
    _shot(wizard, "2-sheet")
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    _shot(wizard, "3-mapping")
    wizard.next()
    assert wizard.currentId() == ImportWizard.PREVIEW
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
    _shot(wizard, "4-preview")


def test_import_through_the_wizard_is_one_undo_step(qtbot, context, workspace, tmp_path) -> None:
    wizard = ImportWizard(context, module_key="risks", path=_sheet(tmp_path))
    qtbot.addWidget(wizard)
    _through_preview(qtbot, wizard)
    session = wizard.session
    assert session.layout.header_row == 3
    assert wizard.sheet_page.raw_model.rowCount() == 6
    mapping = {h: c.currentData() for h, c in zip(session.layout.headers, wizard.mapping_page.combos, strict=True)}
    assert mapping == {"Risque": "title", "Probabilité": "likelihood", "Impact": "impact",
                       "Catégorie": "category", "Remarque": None}
    model = wizard.preview_page.model
    assert model.rowCount() == 3 and model.headerData(2, Qt.Orientation.Horizontal) == "Risque"
    assert [model.data(model.index(0, c)) for c in range(6)] == ["4", "New", "Fuite de données",
                                                                  "Cybersécurité", "4", "5"]
    assert model.data(model.index(1, 1)) == "Rejected"
    background = Qt.ItemDataRole.BackgroundRole
    assert model.data(model.index(1, 0), background) == tint("row_rejected", background)
    # in the engagement's language (French), the column and the value quoted
    assert "'souvent' n'est pas un niveau" in model.data(model.index(1, 2), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(2, 3), background) == tint("row_warning", background)
    assert model.data(model.index(2, 3)) == "Sorcellerie"
    assert model.data(model.index(2, 4), Qt.ItemDataRole.BackgroundRole) is None
    assert "3 rows read: 2 new, 0 updates, 1 rejected, 1 warnings" in wizard.preview_page.summary.text()
    wizard.next()  # "Import": the commit page
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.REPORT, timeout=10_000)
    _shot(wizard, "5-report")
    assert "2 imported, 0 updated, 0 unchanged, 1 rejected, 1 warnings" in wizard.report_page.summary.text()
    assert wizard.report_page.problems.item(0).text().startswith("ligne 5, colonne 'Probabilité'")
    assert [r["title"] for r in fetch_rows(workspace, "risks")] == ["Fuite de données", "Hallucinations"]
    assert fetch_rows(workspace, "risks")[0]["custom"] == {"Remarque": "vu en COPIL"}
    assert "before-import" in [s.reason for s in list_snapshots(workspace.path)]
    assert setting(workspace, "import_mapping:risks")["columns"]["Risque"] == "title"
    assert context.undo_stack.count() == 1 and context.undo_stack.undoText() == "Importer Risques risques.xlsx"
    context.undo_stack.undo()
    assert count_rows(workspace, "risks") == 0


def test_rejected_rows_report_from_the_wizard(qtbot, context, tmp_path, monkeypatch) -> None:
    wizard = ImportWizard(context, module_key="risks", path=_sheet(tmp_path))
    qtbot.addWidget(wizard)
    _through_preview(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.REPORT, timeout=10_000)
    out = tmp_path / "rejets.xlsx"
    monkeypatch.setattr(ReportPage, "ask_report_path", classmethod(lambda cls, parent: str(out)))
    wizard.report_page.save_button.click()
    from openpyxl import load_workbook

    assert load_workbook(out).active["A2"].value == "Biais"


def test_mapping_combos_keep_each_field_once_and_require_the_required(qtbot, context, tmp_path) -> None:
    wizard = ImportWizard(context, module_key="risks", path=_sheet(tmp_path))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.next()
    page = wizard.mapping_page
    combos: list[QComboBox] = page.combos
    combos[4].setCurrentIndex(combos[4].findData("title"))  # "Remarque" takes the title
    assert combos[0].currentData() is None and page.isComplete()
    combos[4].setCurrentIndex(0)  # kept as a custom attribute: no column for the title any more
    assert not page.isComplete() and page.error.text().endswith(": Risque")
    combos[0].setCurrentIndex(combos[0].findData("title"))
    assert page.isComplete() and page.error.text() == ""


def test_a_file_that_is_not_a_spreadsheet_stays_on_the_first_page(qtbot, context, tmp_path) -> None:
    fake = tmp_path / "notes.xlsx"
    fake.write_bytes(b"%PDF-1.4 nothing to see")
    wizard = ImportWizard(context, path=fake)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == ImportWizard.FILE
    assert "is not a spreadsheet" in wizard.file_page.error.text()


def test_cancel_during_the_import_leaves_the_workspace_unchanged(qtbot, context, workspace, tmp_path,
                                                                  monkeypatch) -> None:
    wizard = ImportWizard(context, module_key="risks", path=_sheet(tmp_path, rows=3000))
    qtbot.addWidget(wizard)
    _through_preview(qtbot, wizard)
    import caio_desktop.ui.importer.page_run as page_run

    real_apply = page_run.apply_import

    def slow_apply(ws, plan: ImportPlan, **options):  # noqa: ANN001, ANN202
        progress = options.pop("progress")

        def cancelling(done: int, total: int) -> bool:
            if done >= 1000:
                wizard.run_page.task.cancel()  # as if the user clicked Cancel at this moment
            return progress(done, total)

        return real_apply(ws, plan, progress=cancelling, **options)

    monkeypatch.setattr(page_run, "apply_import", slow_apply)
    wizard.next()
    qtbot.waitUntil(lambda: "cancelled" in wizard.run_page.status.text(), timeout=10_000)
    _shot(wizard, "6-cancelled")
    assert count_rows(workspace, "risks") == 0 and context.undo_stack.count() == 0
    assert setting(workspace, "import_mapping:risks") is None  # a cancelled import teaches no mapping
    assert wizard.currentId() == ImportWizard.RUN and not wizard.run_page.isComplete()
    assert wizard.run_page.progress.value() == 0


def test_preview_model_passes_the_model_tester(qtbot, qtmodeltester, context, tmp_path) -> None:
    wizard = ImportWizard(context, module_key="risks", path=_sheet(tmp_path))
    qtbot.addWidget(wizard)
    _through_preview(qtbot, wizard)
    qtmodeltester.check(wizard.preview_page.model)
    qtmodeltester.check(wizard.sheet_page.raw_model)


def test_a_mapping_file_loaded_in_the_wizard_sets_the_combos(qtbot, context, tmp_path, monkeypatch) -> None:
    import json

    from caio_desktop.ui.importer.page_mapping import MappingPage

    sheet = write_xlsx(tmp_path / "uc.xlsx", [["Titel", "Beskrivning", "Avdelning"], ["Chattbot", "Svarar", "HR"]])
    mapping = tmp_path / "karta.json"
    mapping.write_text(json.dumps({"module": "use_cases", "columns": {"Titel": "title", "Avdelning": "department"}}))
    monkeypatch.setattr(MappingPage, "ask_open", classmethod(lambda cls, parent: str(mapping)))
    wizard = ImportWizard(context, module_key="use_cases", path=sheet)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.next()
    page = wizard.mapping_page
    assert not page.isComplete()  # Swedish headers: nothing proposed for the title
    load = next(b for b in page.findChildren(QPushButton) if b.text() == "Load mapping file…")
    load.click()
    assert [c.currentData() for c in page.combos] == ["title", None, "department"]
    assert page.isComplete()


def test_a_dropped_sheet_without_a_register_is_guessed_from_its_headers(qtbot, context, tmp_path) -> None:
    wizard = ImportWizard(context, path=_sheet(tmp_path))
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.file_page.module_combo.currentData() is None  # "(guess from the column headers)"
    wizard.next()
    assert wizard.session.module_key == "risks" and wizard.currentId() == ImportWizard.SHEET
    assert wizard.sheet_page.title().endswith("Risques")
    odd = write_xlsx(tmp_path / "odd.xlsx", [["Couleur", "Taille"], ["bleu", "M"]])
    other = ImportWizard(context, path=odd)
    qtbot.addWidget(other)
    other.show()
    other.next()
    assert other.currentId() == ImportWizard.FILE and "choose it in the list" in other.file_page.error.text()


def test_the_preview_lists_each_level_value_and_a_changed_level_is_imported(qtbot, context, workspace,
                                                                            tmp_path) -> None:
    path = write_xlsx(tmp_path / "echelle.xlsx", [["Risque", "Probabilité", "Impact"], ["A", "Faible", 1],
                                                  ["B", "Moyen", 2], ["C", "Élevé", 3]])
    wizard = ImportWizard(context, module_key="risks", path=path)
    qtbot.addWidget(wizard)
    _through_preview(qtbot, wizard)
    page = wizard.preview_page
    table = page.levels
    rows = {(table.item(r, 0).text(), table.item(r, 1).text()): table.cellWidget(r, 2).value()
            for r in range(table.rowCount())}
    assert rows[("Probabilité", "Élevé")] == 5 and rows[("Probabilité", "Faible")] == 1
    assert table.horizontalHeaderItem(2).text() == "Niveau 1–5"
    high = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "Élevé")
    table.cellWidget(high, 2).setValue(4)  # the consultant's own reading of "Élevé"
    qtbot.waitUntil(lambda: page.isComplete() and page.session.plan.rows[2].values["likelihood"] == 4,
                    timeout=10_000)
    assert wizard.session.mapping.values == {"Probabilité": {"Élevé": 4}}


def test_the_preview_offers_to_add_or_map_each_client_category(qtbot, context, workspace, tmp_path) -> None:
    from caio_desktop.domain.enums import install_engagement_choices

    path = write_xlsx(tmp_path / "cat.xlsx", [["Risque", "Catégorie", "Probabilité", "Impact"],
                                              ["A", "Conformité", 1, 1], ["B", "RH / Organisation", 2, 2]])
    wizard = ImportWizard(context, module_key="risks", path=path)
    qtbot.addWidget(wizard)
    _through_preview(qtbot, wizard)
    page = wizard.preview_page
    table = page.choices
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == ["Conformité", "RH / Organisation"]
    assert table.horizontalHeaderItem(2).text() == "Devient"
    combo = table.cellWidget(0, 2)
    assert combo.currentData() == "keep"
    combo.setCurrentIndex(combo.findData("new"))  # Conformité: a new category
    qtbot.waitUntil(lambda: page.isComplete() and page.session.plan.new_choices != {}, timeout=10_000)
    combo = page.choices.cellWidget(1, 2)
    combo.setCurrentIndex(combo.findData("operational"))  # RH / Organisation: an existing one
    qtbot.waitUntil(lambda: page.isComplete() and page.session.plan.rows[1].values["category"] == "operational",
                    timeout=10_000)
    assert page.session.plan.new_choices == {"risk_category": {"conformite": "Conformité"}}
    assert wizard.session.mapping.values["Catégorie"] == {"Conformité": "new", "RH / Organisation": "operational"}
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.REPORT, timeout=10_000)
    assert [r["category"] for r in fetch_rows(workspace, "risks")] == ["conformite", "operational"]
    install_engagement_choices({})
