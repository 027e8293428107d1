"""The consultant's words on the Deliverables page: one editor a field for the selected deliverable and
language, saved as one named undo step a visit, put back by undo, previewed, and printed in all three
formats (the issue's "narrative text edited in the app appearing in all three formats")."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from caio_desktop.interchange.deliverables import DELIVERABLE_KINDS
from caio_desktop.operations.narrative import narrative
from caio_desktop.ui.deliverables.page import DeliverablesPage
from caio_desktop.ui.i18n import install_language


@pytest.fixture
def page(demo_workspace, open_page) -> DeliverablesPage:  # noqa: ANN001
    """The French demo's steering report, its words tab open, in the English interface."""
    # The workspace first: fixtures end in reverse order, so the page's preview and export jobs are
    # waited for (open_page) before the workspace closes under them (a crash in SQLite otherwise).
    widget = open_page(demo_workspace, "en")
    widget.kinds.setCurrentRow(list(DELIVERABLE_KINDS).index("steering"))
    widget.tabs.setCurrentIndex(1)
    return widget


def type_and_leave(page: DeliverablesPage, key: str, text: str) -> None:
    """What a person does: write in the field, then go elsewhere (the field loses focus)."""
    editor = page.narrative.editors[key]
    editor.setPlainText(text)
    QApplication.sendEvent(editor, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))


def stored(page: DeliverablesPage, kind: str = "steering", lang: str = "fr") -> dict[str, str]:
    return narrative(page.context.workspace, kind, lang)


def test_one_editor_a_field_for_the_selected_deliverable_and_language(page: DeliverablesPage) -> None:
    assert page.lang == "fr"  # the demo engagement is French: its deliverables are written in French
    assert [page.narrative.captions[k].text() for k in page.narrative.editors] == [
        "Introduction", "Executive summary", "Key messages", "Next steps"]  # the interface's language
    assert [page.narrative.hints[k].isVisibleTo(page) for k in page.narrative.editors] == [False, False, True, True]
    assert page.narrative.hints["key_messages"].text() == "One item a line."
    assert "Steering committee report (Français)" in page.narrative.intro.text()
    assert all(e.toPlainText() == "" for e in page.narrative.editors.values())


def test_an_edit_is_stored_as_one_named_undo_step_and_undo_puts_the_text_back(page: DeliverablesPage) -> None:
    stack = page.context.undo_stack
    type_and_leave(page, "executive_summary", "Le programme tient ses délais.  \n")
    assert stored(page) == {"executive_summary": "Le programme tient ses délais."}
    assert stack.count() == 1 and stack.undoText() == "Edit Executive summary"
    type_and_leave(page, "executive_summary", "Le programme tient ses délais et son budget.")
    type_and_leave(page, "next_steps", "Valider le budget\nLancer le pilote")
    assert stack.count() == 3 and stack.undoText() == "Edit Next steps"
    type_and_leave(page, "next_steps", "Valider le budget\nLancer le pilote")  # unchanged: no step
    assert stack.count() == 3

    stack.undo()
    assert page.narrative.editors["next_steps"].toPlainText() == ""
    stack.undo()
    assert page.narrative.editors["executive_summary"].toPlainText() == "Le programme tient ses délais."
    stack.undo()
    assert stored(page) == {} and page.narrative.editors["executive_summary"].toPlainText() == ""
    stack.redo()
    assert page.narrative.editors["executive_summary"].toPlainText() == "Le programme tient ses délais."


def test_pauses_in_typing_save_into_the_same_undo_step(page: DeliverablesPage) -> None:
    editor = page.narrative.editors["introduction"]
    for text in ("Ce", "Ce rapport", "Ce rapport couvre mars."):
        editor.setPlainText(text)
        page.narrative.commit("introduction", end_visit=False)  # what the pause timer does
        assert stored(page)["introduction"] == text
    QApplication.sendEvent(editor, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    assert page.context.undo_stack.count() == 1
    type_and_leave(page, "introduction", "Ce rapport couvre mars et avril.")
    assert page.context.undo_stack.count() == 2  # a new visit, a new step
    page.context.undo_stack.undo()
    page.context.undo_stack.undo()
    assert stored(page) == {}


def test_the_pause_timer_saves_what_is_being_typed(qtbot, page: DeliverablesPage) -> None:
    from caio_desktop.ui.deliverables import narrative as narrative_module

    editor = page.narrative.editors["key_messages"]
    editor._pause.setInterval(50)
    editor.setPlainText("Un message")
    qtbot.waitUntil(lambda: stored(page).get("key_messages") == "Un message", timeout=5000)
    assert narrative_module.SAVE_PAUSE_MS >= 1000  # people pause between words without it saving each time


def test_each_deliverable_and_language_has_its_own_words(page: DeliverablesPage) -> None:
    editor = page.narrative.editors["executive_summary"]
    editor.setPlainText("Synthèse du COPIL")  # still in the field when another deliverable is chosen
    page.kinds.setCurrentRow(list(DELIVERABLE_KINDS).index("risks"))
    assert stored(page, "steering") == {"executive_summary": "Synthèse du COPIL"}
    assert editor.toPlainText() == "" and "Risk & compliance register" in page.narrative.intro.text()
    type_and_leave(page, "executive_summary", "Risques maîtrisés")
    page.language.setCurrentIndex(page.language.findData("en"))
    assert editor.toPlainText() == ""
    type_and_leave(page, "executive_summary", "Risks under control")
    page.kinds.setCurrentRow(list(DELIVERABLE_KINDS).index("steering"))
    page.language.setCurrentIndex(page.language.findData("fr"))
    assert editor.toPlainText() == "Synthèse du COPIL"
    assert stored(page, "risks", "fr") == {"executive_summary": "Risques maîtrisés"}
    assert stored(page, "risks", "en") == {"executive_summary": "Risks under control"}


def test_a_text_too_long_is_refused_beside_its_field(page: DeliverablesPage) -> None:
    type_and_leave(page, "introduction", "x" * 20_001)
    error = page.narrative.errors["introduction"]
    assert not error.isHidden() and "at most 20,000" in error.text()
    assert stored(page) == {} and page.context.undo_stack.count() == 0
    type_and_leave(page, "introduction", "Court.")
    assert error.isHidden() and stored(page) == {"introduction": "Court."}


def test_the_preview_is_built_again_after_an_edit(qtbot, page: DeliverablesPage) -> None:
    qtbot.waitUntil(lambda: page.preview_job is not None, timeout=5000)
    generation = page._generation
    type_and_leave(page, "executive_summary", "Le pilote est un succès.")
    qtbot.waitUntil(lambda: page._generation > generation, timeout=5000)


def test_french_interface_labels(demo_workspace, open_page) -> None:  # noqa: ANN001
    install_language("fr")
    try:
        widget = open_page(demo_workspace, "fr")
        widget.kinds.setCurrentRow(list(DELIVERABLE_KINDS).index("steering"))
        assert widget.tabs.tabText(1) == "Vos textes"
        assert widget.narrative.captions["executive_summary"].text() == "Synthèse"
        assert widget.narrative.hints["next_steps"].text() == "Un élément par ligne."
        assert "« Rapport de comité de pilotage » (Français)" in widget.narrative.intro.text()
        type_and_leave(widget, "key_messages", "Un")
        assert widget.context.undo_stack.undoText() == "Modifier Messages clés"
    finally:
        install_language("en")


def test_a_read_only_file_shows_the_words_without_editing_them(open_page, demo_file: Path) -> None:  # noqa: ANN001
    from caio_desktop.cli import main
    from caio_desktop.workspace import Workspace

    assert main(["narrative", str(demo_file), "steering", "--set", "executive_summary=Lu seulement"]) == 0
    workspace = Workspace.open(demo_file, read_only=True)
    try:
        widget = open_page(workspace, "en")
        widget.kinds.setCurrentRow(list(DELIVERABLE_KINDS).index("steering"))
        editor = widget.narrative.editors["executive_summary"]
        assert editor.toPlainText() == "Lu seulement" and editor.isReadOnly()
        widget.narrative.commit_all()
        assert widget.context.undo_stack.count() == 0
        if widget.preview_job is not None:
            widget.preview_job.wait(20000)
        widget.context.set_workspace(None)
    finally:
        workspace.close()


# --- the words in all three formats --------------------------------------------------------------------

SUMMARY = {"fr": "Le programme IA tient ses délais, notre synthèse zéro-sept.",
           "en": "The AI programme is on track, our summary zero-seven."}
MESSAGES = {"fr": ["Pilote de tri validé", "Charte IA signée"], "en": ["Triage pilot approved", "AI charter signed"]}
STEPS = {"fr": ["Arbitrer le budget 2027", "Former les managers"], "en": ["Settle the 2027 budget", "Train the managers"]}


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph of the body."""
    import docx

    return [(p.style.name if p.style is not None else "", p.text) for p in docx.Document(str(path)).paragraphs]


def pptx_slides(path: Path) -> list[tuple[str, list[str]]]:
    """(slide text, its paragraphs) of every slide, with the speaker notes."""
    import pptx

    slides = []
    for slide in pptx.Presentation(str(path)).slides:
        paragraphs = [p.text for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs]
        if slide.has_notes_slide:
            paragraphs.append(slide.notes_slide.notes_text_frame.text)
        slides.append(("\n".join(paragraphs), paragraphs))
    return slides


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_words_edited_in_the_app_are_in_the_pdf_the_word_document_and_the_deck(
        qtbot, page: DeliverablesPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    page.language.setCurrentIndex(page.language.findData(lang))
    type_and_leave(page, "executive_summary", SUMMARY[lang])
    type_and_leave(page, "key_messages", "\n".join(f"- {m}" for m in MESSAGES[lang]))  # hand-typed bullets go
    type_and_leave(page, "next_steps", "\n".join(STEPS[lang]) + "\n\n")
    written: dict[str, Path] = {}
    for fmt in ("pdf", "docx", "pptx"):
        target = tmp_path / f"copil-{lang}.{fmt}"
        monkeypatch.setattr(DeliverablesPage, "ask_save_path", classmethod(lambda cls, *a, t=target: t))
        page.format_buttons[fmt].click()
        page.last_export = None
        page.export_button.click()
        qtbot.waitUntil(lambda: page.last_export is not None, timeout=60000)
        written[fmt] = page.last_export
    next_steps = "Prochaines étapes" if lang == "fr" else "Next steps"

    text = " ".join(pdf_text(written["pdf"]).split())  # the layout's line breaks and spacing folded
    assert SUMMARY[lang] in text
    assert all(m in text for m in MESSAGES[lang]) and all(s in text for s in STEPS[lang])
    assert text.index(next_steps, text.index(SUMMARY[lang])) < text.index(STEPS[lang][0])

    paragraphs = docx_paragraphs(written["docx"])
    texts = [t for _, t in paragraphs]
    assert SUMMARY[lang] in texts
    assert all(m in texts for m in MESSAGES[lang]) and all(s in texts for s in STEPS[lang])
    assert all(paragraphs[texts.index(m)][0].startswith("List") for m in MESSAGES[lang])  # real Word bullets
    heading = next(i for i, (style, t) in enumerate(paragraphs)  # "7  Next steps": numbered headings
                   if t.strip().endswith(next_steps) and style.startswith("Heading"))
    assert heading < texts.index(STEPS[lang][0])

    slides = pptx_slides(written["pptx"])
    assert any(SUMMARY[lang] in slide for slide, _ in slides)
    assert any(all(m in paragraphs for m in MESSAGES[lang]) for _, paragraphs in slides)  # one bullet each
    assert any(all(s in paragraphs for s in STEPS[lang]) for _, paragraphs in slides)


def test_words_typed_just_before_the_engagement_closes_are_kept(page: DeliverablesPage) -> None:
    """Less than a pause after the last key, the window closes (or another file is opened): the text is
    saved before the workspace goes, not lost with the editor."""
    from caio_desktop.workspace import Workspace

    workspace = page.context.workspace
    path = workspace.path
    editor = page.narrative.editors["next_steps"]
    editor.setPlainText("Présenter la feuille de route au comité")
    assert editor._pause.isActive() and stored(page) == {}  # the pause timer has not fired yet
    page.context.set_workspace(None)
    workspace.close()
    with Workspace.open(path, read_only=True) as again:
        assert narrative(again, "steering", "fr") == {"next_steps": "Présenter la feuille de route au comité"}
