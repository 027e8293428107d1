"""The Deliverables page on the demo engagement: the five deliverables in the engagement's language, a
preview of the pages, and exports (PDF, Word, PowerPoint for the decks) that write the file and record
it as an undoable step. The consultant's words are in test_narrative.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from caio_desktop.interchange.deliverables import DECK_KINDS, DELIVERABLE_KINDS
from caio_desktop.ui import settings
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.deliverables.page import DeliverablesPage
from caio_desktop.workspace.queries import fetch_rows
from tests.conftest import DEMO_TODAY


@pytest.fixture
def page(demo_workspace, open_page) -> DeliverablesPage:  # noqa: ANN001
    # The workspace first: fixtures end in reverse order, so the page's preview and export jobs are
    # waited for (open_page) before the workspace closes under them (a crash in SQLite otherwise).
    return open_page(demo_workspace, "fr")


def wait_preview(qtbot, page: DeliverablesPage) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: bool(page.preview.page_labels), timeout=15000)


def test_lists_the_five_deliverables_in_the_interface_language(page: DeliverablesPage) -> None:
    titles = [page.kinds.item(row).text() for row in range(page.kinds.count())]
    assert titles == [fr for fr, _ in DELIVERABLE_KINDS.values()]
    assert page.lang == "fr" and page.version_label.text() == "2.0"  # the demo issued diagnosis v1.0
    page.kinds.setCurrentRow(list(DELIVERABLE_KINDS).index("steering"))
    assert page.version_label.text() == "3.0"  # after the demo's steering report n°2
    page.context.set_language("en")
    assert page.kinds.item(0).text() == "Diagnosis report"


def test_preview_shows_every_page_of_the_selected_deliverable(qtbot, page: DeliverablesPage) -> None:
    page.kinds.setCurrentRow(list(DELIVERABLE_KINDS).index("steering"))
    wait_preview(qtbot, page)
    qtbot.waitUntil(lambda: "Rapport de comité de pilotage ·" in page.preview_title.text(), timeout=15000)
    count = len(page.preview.page_labels)
    assert 4 <= count <= 8
    pixmap = page.preview.page_labels[0].pixmap()
    assert pixmap.width() > 300 and pixmap.height() > pixmap.width()  # an A4 page, portrait
    assert f"{count} pages" in page.preview_title.text()


def test_export_writes_the_pdf_and_records_it(qtbot, page: DeliverablesPage, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "registre.pdf"
    asked: list[str] = []

    def choose(parent, title, suggested, file_filter):  # noqa: ANN001, ANN202
        asked.append(suggested)
        return target

    monkeypatch.setattr(DeliverablesPage, "ask_save_path", classmethod(lambda cls, *a: choose(*a)))
    page.kinds.setCurrentRow(list(DELIVERABLE_KINDS).index("risks"))
    page.language.setCurrentIndex(page.language.findData("en"))
    page.export_button.click()
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=20000)
    assert asked and asked[0].startswith("Risk & compliance register - ") and asked[0].endswith("2026-03-16.pdf")
    text = PdfReader(target).pages[0].extract_text()
    assert "Risk & compliance register" in text and "Version" in text
    rows = fetch_rows(page.context.workspace, "deliverables", where={"kind": "risks"})
    assert [(r["kind"], r["version"], r["issued_on"], r["file_name"]) for r in rows] == [
        ("risks", "1.0", DEMO_TODAY, "registre.pdf")]
    assert page.context.undo_stack.count() == 1
    assert page.version_label.text() == "2.0"  # the next issue of the register
    assert page.issued.item(0).text() == "16/03/2026 · Registre des risques et conformité 1.0"
    page.context.undo_stack.undo()
    assert fetch_rows(page.context.workspace, "deliverables", where={"kind": "risks"}) == []
    assert "Registre des risques" not in page.issued.item(0).text()


def test_cancelled_file_dialog_writes_nothing(qtbot, page: DeliverablesPage, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DeliverablesPage, "ask_save_path", classmethod(lambda cls, *a: None))
    page.export_button.click()
    assert page.export_job is None
    assert page.context.undo_stack.count() == 0


def test_export_failure_is_reported_and_nothing_recorded(qtbot, page: DeliverablesPage, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(DeliverablesPage, "ask_save_path",
                        classmethod(lambda cls, *a: tmp_path / "missing-folder" / "x.pdf"))
    monkeypatch.setattr(DeliverablesPage, "show_error", classmethod(lambda cls, parent, title, msg: errors.append(msg)))
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert "does not exist" in errors[0]
    assert page.context.undo_stack.count() == 0 and page.last_export is None


def test_excel_export_and_importer_buttons(qtbot, page: DeliverablesPage, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from caio_desktop.ui.deliverables import page as page_module

    target = tmp_path / "classeur.xlsx"
    monkeypatch.setattr(DeliverablesPage, "ask_save_path", classmethod(lambda cls, *a: target))
    assert page.excel_button.isEnabled()
    page.excel_button.click()
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=30000)
    assert target.stat().st_size > 0
    assert [r["file_name"] for r in fetch_rows(page.context.workspace, "deliverables", where={"kind": "workbook"})] == [
        "classeur.xlsx"]

    real = page_module.optional_class
    monkeypatch.setattr(page_module, "optional_class",
                        lambda module, name: None if name == "ImportWizard" else real(module, name))
    page.retranslate()
    assert not page.import_button.isEnabled() and "not part of this build" in page.import_button.toolTip()


def test_without_a_workspace_nothing_can_be_exported(qtbot) -> None:
    context = AppContext(lang="en")
    widget = DeliverablesPage(context)
    qtbot.addWidget(widget)
    assert not widget.export_button.isEnabled() and not widget.excel_button.isEnabled()
    widget.refresh_preview()
    assert "Open an engagement" in widget.preview.message.text()


def test_cancel_during_export_leaves_no_file_and_records_nothing(qtbot, page: DeliverablesPage, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from caio_desktop.interchange.deliverables import render

    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(DeliverablesPage, "ask_save_path", classmethod(lambda cls, *a: folder / "copil.pdf"))
    with render._BUILDING:  # hold the export at its start so that Cancel comes first, deterministically
        page.export_button.click()
        page.export_job.cancelled = True  # what the progress dialog's Cancel button sets
    qtbot.waitUntil(page.export_job.isFinished, timeout=20000)
    qtbot.wait(50)
    assert list(folder.iterdir()) == []
    assert page.last_export is None and page.context.undo_stack.count() == 0


def test_export_and_preview_carry_the_firm_logo_of_the_preferences(qtbot, page: DeliverablesPage, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from caio_desktop.ui import settings

    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="90" height="30">'
           b'<rect width="90" height="30" fill="#123456"/></svg>')
    settings.set_firm_logo(svg)
    try:
        target = tmp_path / "copil.pdf"
        monkeypatch.setattr(DeliverablesPage, "ask_save_path", classmethod(lambda cls, *a: target))
        page.kinds.setCurrentRow(list(DELIVERABLE_KINDS).index("steering"))
        wait_preview(qtbot, page)
        assert "#123456" in _cover_corner(page)  # the preview shows the firm's logo where the export prints it
        page.export_button.click()
        qtbot.waitUntil(lambda: page.last_export is not None, timeout=20000)
        first = PdfReader(target).pages[0]
        assert "PRÉPARÉ PAR" in first.extract_text()
        assert ".070588 .203922 .337255 rg" in first.get_contents().get_data().decode("latin-1")  # the firm's blue
        settings.set_firm_logo(None)  # removed in Preferences while the page was hidden
        generation = page._generation
        page.show()
        qtbot.waitUntil(lambda: page._generation > generation, timeout=5000)
        wait_preview(qtbot, page)  # the new preview (the old pages went when it started)
        assert "#123456" not in _cover_corner(page)
    finally:
        settings.set_firm_logo(None)


def _cover_corner(page: DeliverablesPage) -> set[str]:
    """The colours of the bottom-right corner of the previewed cover, where the firm signs."""
    if not page.preview.page_labels:
        return set()
    cover = page.preview.page_labels[0].pixmap().toImage()
    return {cover.pixelColor(x, y).name() for x in range(cover.width() * 2 // 3, cover.width(), 2)
            for y in range(cover.height() * 5 // 6, cover.height(), 2)}


# --- formats ------------------------------------------------------------------------------------------

def test_powerpoint_is_offered_for_the_decks_only(page: DeliverablesPage) -> None:
    assert [page.format_buttons[f].text() for f in ("pdf", "docx", "pptx")] == ["PDF", "Word", "PowerPoint"]
    for row, kind in enumerate(DELIVERABLE_KINDS):
        page.kinds.setCurrentRow(row)
        enabled = {fmt for fmt, button in page.format_buttons.items() if button.isEnabled()}
        assert enabled == ({"pdf", "docx", "pptx"} if kind in DECK_KINDS else {"pdf", "docx"}), kind
        assert (page.format_buttons["pptx"].toolTip() == "") == (kind in DECK_KINDS)
    page.kinds.setCurrentRow(list(DELIVERABLE_KINDS).index("steering"))
    page.format_buttons["pptx"].click()
    assert page.fmt == "pptx"
    page.kinds.setCurrentRow(list(DELIVERABLE_KINDS).index("risks"))  # no deck: back to a format it has
    assert page.fmt == "pdf"


def export(qtbot, page: DeliverablesPage, monkeypatch: pytest.MonkeyPatch, kind: str, fmt: str,  # noqa: ANN001
           target: Path) -> list[str]:
    """Export `kind` as `fmt` to `target` through the page; the suggested file names are returned."""
    asked: list[str] = []
    monkeypatch.setattr(DeliverablesPage, "ask_save_path",
                        classmethod(lambda cls, parent, title, suggested, file_filter: asked.append(suggested) or target))
    page.kinds.setCurrentRow(list(DELIVERABLE_KINDS).index(kind))
    page.format_buttons[fmt].click()
    page.last_export = None
    page.export_button.click()
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=60000)
    return asked


def test_word_export_writes_the_document_and_opens_it_when_asked(qtbot, page: DeliverablesPage, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    opened: list[Path] = []
    monkeypatch.setattr(DeliverablesPage, "open_file", classmethod(lambda cls, path: opened.append(path)))
    page.open_when_done.setChecked(True)
    try:
        asked = export(qtbot, page, monkeypatch, "roadmap", "docx", tmp_path / "feuille.docx")
        assert asked[0].startswith("Stratégie et feuille de route - ") and asked[0].endswith(".docx")
        text = "\n".join(p.text for p in docx.Document(str(tmp_path / "feuille.docx")).paragraphs)
        assert "Stratégie et feuille de route" in text
        assert opened == [tmp_path / "feuille.docx"]
        assert settings.open_when_done()  # remembered for the next export
        assert [r["file_name"] for r in fetch_rows(page.context.workspace, "deliverables", where={"kind": "roadmap"})] \
            == ["feuille.docx"]
    finally:
        page.open_when_done.setChecked(False)
    export(qtbot, page, monkeypatch, "roadmap", "pdf", tmp_path / "feuille.pdf")
    assert opened == [tmp_path / "feuille.docx"]  # unchecked: the PDF is not opened


def test_powerpoint_export_writes_the_deck(qtbot, page: DeliverablesPage, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import pptx

    asked = export(qtbot, page, monkeypatch, "steering", "pptx", tmp_path / "copil.pptx")
    assert asked[0].endswith(".pptx")
    assert len(pptx.Presentation(str(tmp_path / "copil.pptx")).slides) >= 10
    assert page.status.text().endswith("copil.pptx")


def test_a_template_gone_from_its_folder_is_said_after_the_export(qtbot, page: DeliverablesPage, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    warned = page.warned
    settings.set_deliverable_template("docx", tmp_path / "moved" / "cabinet.dotx")
    try:
        export(qtbot, page, monkeypatch, "risks", "docx", tmp_path / "registre.docx")
    finally:
        settings.set_deliverable_template("docx", None)
    assert docx.Document(str(tmp_path / "registre.docx")).paragraphs  # written on our own template
    assert len(warned) == 1 and "registre.docx" in warned[0] and "cabinet.dotx" in warned[0]


def test_the_word_template_of_the_preferences_is_used(qtbot, page: DeliverablesPage, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    from caio_desktop.interchange import deliverables

    used: list[object] = []
    real = deliverables.export_deliverable

    def spy(*args, **options):  # noqa: ANN002, ANN003, ANN202
        used.append((Path(args[2]).name, options.get("template")))  # the previews are built too
        return real(*args, **options)

    monkeypatch.setattr(deliverables, "export_deliverable", spy)
    template = tmp_path / "cabinet.docx"
    docx.Document().save(str(template))
    settings.set_deliverable_template("docx", template)
    try:
        export(qtbot, page, monkeypatch, "handover", "docx", tmp_path / "dossier.docx")
        export(qtbot, page, monkeypatch, "handover", "pdf", tmp_path / "dossier.pdf")
    finally:
        settings.set_deliverable_template("docx", None)
    assert [u for u in used if u[0].startswith("dossier")] == [("dossier.docx", template), ("dossier.pdf", None)]
    # python-docx's blank document lacks our table style: said once the document is written with Word's own
    assert len(page.warned) == 1 and "dossier.docx" in page.warned[0] and "'CAIO Table'" in page.warned[0]
