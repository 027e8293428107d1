"""Preferences: the interface language switches at once and is remembered for the next start."""

from __future__ import annotations

from pathlib import Path

from caio_desktop.ui import settings
from caio_desktop.ui.shell.preferences import PreferencesDialog
from caio_desktop.ui.shell.window import MainWindow


def test_language_switches_at_once_and_is_remembered(qtbot, window, demo_file: Path, monkeypatch) -> None:
    window.files.open_path(demo_file)
    risks = window.page("risks")

    def english(cls, lang, parent):  # noqa: ANN001, ANN202 - the person picks English and OK
        dialog = PreferencesDialog(lang, parent)
        qtbot.addWidget(dialog)
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.consultant.setText("Camille Durand")
        dialog.exec = lambda: 1
        return dialog

    monkeypatch.setattr(MainWindow, "preferences_dialog", classmethod(english))
    window.preferences_action.trigger()
    assert window.context.lang == "en"
    assert window.sidebar.item(0).text() == "Overview"
    assert risks.registers["risks"].add_button.text() == "Add"
    assert settings.interface_language() == "en"
    assert settings.consultant_name() == "Camille Durand"


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="90" height="30"><rect width="90" height="30"/></svg>'


def test_firm_logo_is_chosen_stored_and_removed(qtbot, tmp_path: Path, monkeypatch) -> None:
    settings.set_firm_logo(None)
    logo = tmp_path / "cabinet.svg"
    logo.write_bytes(SVG)
    monkeypatch.setattr(PreferencesDialog, "ask_firm_logo_path", classmethod(lambda cls, parent: logo))
    dialog = PreferencesDialog("en")
    qtbot.addWidget(dialog)
    assert not dialog.remove_firm_logo_button.isEnabled()
    assert dialog.firm_logo_preview.text().startswith("No logo")
    dialog.choose_firm_logo()
    pixmap = dialog.firm_logo_preview.pixmap()
    assert not pixmap.isNull() and (pixmap.width(), pixmap.height()) == (160, 53)  # the 3:1 SVG, fitted
    assert settings.firm_logo() is None  # nothing is stored before OK
    dialog.save()
    assert settings.firm_logo() == SVG

    again = PreferencesDialog("en")
    qtbot.addWidget(again)
    assert again.remove_firm_logo_button.isEnabled()
    again.remove_firm_logo()
    again.save()
    assert settings.firm_logo() is None


def test_a_hostile_or_foreign_firm_logo_is_refused_with_its_reason(qtbot, tmp_path: Path, monkeypatch) -> None:
    settings.set_firm_logo(SVG)
    errors: list[str] = []
    monkeypatch.setattr(PreferencesDialog, "show_error", classmethod(lambda cls, parent, title, msg: errors.append(msg)))
    dialog = PreferencesDialog("en")
    qtbot.addWidget(dialog)
    for name, data in (("laughs.svg", b'<!DOCTYPE svg [<!ENTITY a "b">]><svg>&a;</svg>'),
                       ("notes.txt", b"hello")):
        path = tmp_path / name
        path.write_bytes(data)
        monkeypatch.setattr(PreferencesDialog, "ask_firm_logo_path", classmethod(lambda cls, parent, p=path: p))
        dialog.choose_firm_logo()
    assert errors == ["laughs.svg: The SVG declares a DOCTYPE or an ENTITY, which a logo never needs: it is "
                      "refused for safety.", "notes.txt: The file is not a PNG, JPEG or SVG image."]
    dialog.save()
    assert settings.firm_logo() == SVG  # the logo chosen before is kept
    settings.set_firm_logo(None)


def test_word_and_powerpoint_templates_are_chosen_checked_and_cleared(qtbot, tmp_path: Path, monkeypatch) -> None:
    import docx
    import pptx

    warnings: list[str] = []
    monkeypatch.setattr(PreferencesDialog, "show_warning",
                        classmethod(lambda cls, parent, title, msg: warnings.append(f"{title}: {msg}")))
    word, deck = tmp_path / "cabinet.docx", tmp_path / "client.pptx"
    docx.Document().save(str(word))  # lacks our table style: a warning, and the choice is kept
    pptx.Presentation().save(str(deck))  # has the layouts we need: no warning
    chosen = {"docx": word, "pptx": deck}
    monkeypatch.setattr(PreferencesDialog, "ask_template_path", classmethod(lambda cls, parent, fmt: chosen[fmt]))
    dialog = PreferencesDialog("en")
    qtbot.addWidget(dialog)
    assert [dialog.template_labels[f].text() for f in ("docx", "pptx")] == ["Default template"] * 2
    assert not dialog.clear_template_buttons["docx"].isEnabled()
    dialog.choose_template("docx")
    dialog.choose_template("pptx")
    assert len(warnings) == 1 and warnings[0].startswith("Word template: cabinet.docx lacks what the deliverables")
    assert "'CAIO Table'" in warnings[0]
    assert dialog.template_labels["docx"].text() == "cabinet.docx"
    assert dialog.template_labels["docx"].toolTip() == str(word)
    assert settings.deliverable_template("docx") is None  # nothing is stored before OK
    dialog.save()
    assert (settings.deliverable_template("docx"), settings.deliverable_template("pptx")) == (word, deck)

    again = PreferencesDialog("en")
    qtbot.addWidget(again)
    assert again.template_labels["pptx"].text() == "client.pptx" and again.clear_template_buttons["pptx"].isEnabled()
    again.clear_template("pptx")
    again.save()
    assert (settings.deliverable_template("docx"), settings.deliverable_template("pptx")) == (word, None)
    settings.set_deliverable_template("docx", None)


def test_a_file_that_cannot_be_a_template_is_refused(qtbot, tmp_path: Path, monkeypatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(PreferencesDialog, "show_error", classmethod(lambda cls, parent, title, msg: errors.append(msg)))
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    for path in (notes, tmp_path / "gone.potx"):
        monkeypatch.setattr(PreferencesDialog, "ask_template_path", classmethod(lambda cls, parent, fmt, p=path: p))
        dialog = PreferencesDialog("en")
        qtbot.addWidget(dialog)
        dialog.choose_template("pptx")
        assert dialog.templates["pptx"] is None
    assert errors == ["notes.txt: a template must be a .potx / .pptx file.", "gone.potx: no such file."]


def test_a_template_that_is_not_an_office_file_is_kept_with_a_warning(qtbot, tmp_path: Path, monkeypatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(PreferencesDialog, "show_warning", classmethod(lambda cls, parent, title, msg: warnings.append(msg)))
    fake = tmp_path / "fake.dotx"
    fake.write_text("not a zip")
    monkeypatch.setattr(PreferencesDialog, "ask_template_path", classmethod(lambda cls, parent, fmt: fake))
    dialog = PreferencesDialog("en")
    qtbot.addWidget(dialog)
    dialog.choose_template("docx")
    assert len(warnings) == 1 and "fake.dotx" in warnings[0] and "• " in warnings[0]
    assert dialog.templates["docx"] == fake  # the person was told; the deliverables use ours for it
