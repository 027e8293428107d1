"""The Surveys tab of the Diagnosis page: a form written through its dialogs, filled forms imported off
the GUI thread (button and drop), one undo step, the results model checked by qtmodeltester."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from caio_desktop.interchange.surveys.form import generate_form
from caio_desktop.interchange.surveys.importing import import_forms
from caio_desktop.interchange.surveys.results import campaign_results
from caio_desktop.ui.diagnosis.surveys import SORT_ROLE, SurveyPanel, SurveyResultsModel
from caio_desktop.workspace import surveys as survey_reads
from tests.interchange.surveys.fill import fill

DIMS = ["ai_vision", "use_case_portfolio", "data_quality", "data_governance"]


def _maturity_forms(workspace, tmp_path: Path, count: int) -> list[Path]:
    form = tmp_path / "form.xlsx"
    generate_form(workspace, form, kind="maturity", lang="fr", campaign="Vague 1", dimensions=DIMS, invited=20)
    return [fill(form, tmp_path / f"r{i}.xlsx", name=f"Personne {i}", department=["Sinistres", "DSI"][i % 2],
                 role="Manager", answers={"ai_vision": 1 + i % 5, "use_case_portfolio": 2 + i % 3,
                                          "data_quality": 3, "data_governance": 1 + (i * 2) % 5})
            for i in range(count)]


def test_the_results_model_passes_qtmodeltester(qtmodeltester, demo_workspace, tmp_path):
    import_forms(demo_workspace, _maturity_forms(demo_workspace, tmp_path, 6))
    campaign = survey_reads.campaign(demo_workspace, name="Vague 1")
    model = SurveyResultsModel()
    model.set_results(campaign_results(demo_workspace, campaign["id"]), "fr")
    qtmodeltester.check(model)
    assert model.rowCount() == 2 + 4 and model.columnCount() == 7
    assert model.index(0, 0).data() == "Stratégie et valeur" and model.index(0, 1).data() == "6"
    assert model.index(1, 2).data() == "2,67"  # ai_vision of 1, 2, 3, 4, 5, 1 → mean 16/6
    assert model.index(1, 2).data(SORT_ROLE) == pytest.approx(16 / 6)
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    generate_form(demo_workspace, tmp_path / "u.xlsx", kind="usage", lang="fr", campaign="Usage")
    import_forms(demo_workspace, [fill(tmp_path / "u.xlsx", tmp_path / "u1.xlsx", answers={"T1_NAME": "Chat GPT"})])
    model.set_results(campaign_results(demo_workspace, survey_reads.campaign(demo_workspace, name="Usage")["id"]), "fr")
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "ChatGPT" and model.index(0, 2).data() == ""  # one user: no detail shown


def test_fewer_than_five_respondents_show_counts_only(qtbot, context_empty, tmp_path):
    import_forms(context_empty.workspace, _maturity_forms(context_empty.workspace, tmp_path, 3))
    panel = SurveyPanel(context_empty)
    qtbot.addWidget(panel)
    assert panel.model.index(1, 1).data() == "3" and panel.model.index(1, 2).data() == ""
    assert "à partir de 5" in panel.summary.text()


def test_forms_are_written_then_imported_by_button_and_by_drop(qtbot, demo_context, tmp_path, monkeypatch):
    panel = SurveyPanel(demo_context)
    qtbot.addWidget(panel)
    assert not panel.import_button.isEnabled()  # no campaign yet
    monkeypatch.setattr(SurveyPanel, "ask_form_settings", classmethod(lambda cls, parent, **kw: {
        "kind": "maturity", "campaign": "Vague 1", "lang": "fr", "invited": 12, "anonymous": None}))
    monkeypatch.setattr(SurveyPanel, "ask_save_path", classmethod(lambda cls, parent, suggested: tmp_path / "q"))
    panel.new_form()
    assert (tmp_path / "q.xlsx").exists() and panel.campaign.currentText() == "Vague 1"
    assert panel.import_button.isEnabled()
    files = [fill(tmp_path / "q.xlsx", tmp_path / f"r{i}.xlsx", name=f"P{i}", answers={"ai_vision": 1 + i % 5})
             for i in range(6)]
    monkeypatch.setattr(SurveyPanel, "ask_form_paths", classmethod(lambda cls, parent: files[:4]))
    steps = demo_context.undo_stack.count()
    panel.choose_forms()
    qtbot.waitUntil(lambda: panel.job.isFinished() and panel.messages.count() == 5, timeout=20_000)
    assert [panel.messages.item(i).text() for i in range(5)] == [
        *(f"r{i}.xlsx: imported" for i in range(4)), "4 formulaires importés sur 4"]
    assert demo_context.undo_stack.count() == steps + 1
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (*files[3:], tmp_path / "notes.txt")])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(event)
    qtbot.waitUntil(lambda: panel.job.isFinished() and panel.messages.count() == 4, timeout=20_000)
    assert panel.messages.item(0).text().startswith("r3.xlsx: was already imported")
    assert panel.messages.item(3).text() == "2 formulaires importés sur 3"
    qtbot.waitUntil(lambda: panel.model.index(0, 1).data() == "6", timeout=5_000)
    assert "6 répondants — 50 % de 12 invités" in panel.summary.text() or "6 répondants" in panel.summary.text()
    demo_context.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.model.index(0, 1).data() == "4", timeout=5_000)
    shots = os.environ.get("CAIO_SURVEY_SCREENSHOT")
    if shots:
        demo_context.undo_stack.redo()
        panel.resize(1100, 640)
        panel.grab().save(shots)


def test_the_diagnosis_page_has_a_surveys_tab(qtbot, context_empty):
    from caio_desktop.ui.pages.diagnosis import DiagnosisPage

    page = DiagnosisPage(context_empty)
    qtbot.addWidget(page)
    labels = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert labels[-1] == "Enquêtes" and page.surveys is not None


def test_the_maturity_radar_shows_the_survey_beside_current_and_target(qtbot, demo_context, tmp_path):
    from caio_desktop.ui.charts.radar import MaturityRadar

    radar = MaturityRadar(lang="fr")
    qtbot.addWidget(radar)
    radar.follow(demo_context)
    radar.refresh(demo_context.workspace, "fr")
    assert all(a.respondents is None for a in radar.axes())  # no survey yet
    import_forms(demo_context.workspace, _maturity_forms(demo_context.workspace, tmp_path, 4))
    radar.refresh(demo_context.workspace, "fr")
    assert all(a.respondents is None for a in radar.axes())  # four respondents: not shown
    extra = [fill(tmp_path / "form.xlsx", tmp_path / f"x{i}.xlsx", name=f"X{i}", answers={"ai_vision": 5})
             for i in range(2)]
    import_forms(demo_context.workspace, extra)
    radar.refresh(demo_context.workspace, "fr")
    axes = {a.key: a for a in radar.axes()}
    assert axes["ai_vision"].respondents == pytest.approx((1 + 2 + 3 + 4 + 5 + 5) / 6)
    assert axes["value_measurement"].respondents is None  # not asked
    radar.set_by_pillar(True)
    assert {a.key: a for a in radar.axes()}["strategy_value"].respondents is not None
    radar.resize(640, 480)
    shots = os.environ.get("CAIO_SURVEY_SCREENSHOT")
    if shots:
        radar.grab().save(shots.replace(".png", "-radar.png"))
