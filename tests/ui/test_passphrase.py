"""The passphrase dialog: password echo mode, the file's name in the question, None on cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from caio_desktop.ui.passphrase import ask_passphrase


def test_asks_in_password_mode_and_returns_the_text(qtbot, monkeypatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    asked = []

    def fake(parent_arg, title, label, mode):  # noqa: ANN001, ANN202
        asked.append((parent_arg, title, label, mode))
        return "phrase secrète", True

    monkeypatch.setattr(QInputDialog, "getText", fake)
    assert ask_passphrase(parent, Path("/x/Clinique du Lac.caio")) == "phrase secrète"
    (_, title, label, mode), = asked
    assert asked[0][0] is parent and mode == QLineEdit.EchoMode.Password
    assert "Clinique du Lac.caio" in label and "Encrypted" in title
    assert ask_passphrase(parent, "/x/a.caio", retry=True) == "phrase secrète"
    assert "wrong" in asked[1][2]


def test_cancel_or_empty_gives_none(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("typed", False))
    assert ask_passphrase(None, "/x/a.caio") is None
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("", True))
    assert ask_passphrase(None, "/x/a.caio") is None


def test_the_real_dialog_echoes_dots(qtbot) -> None:
    """The dialog itself, offscreen: typed text is hidden."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen = {}

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, inspect)
            return
        seen["mode"] = dialog.textEchoMode()
        dialog.setTextValue("abc")
        dialog.accept()

    QTimer.singleShot(50, inspect)
    assert ask_passphrase(None, "/x/a.caio") == "abc"
    assert seen["mode"] == QLineEdit.EchoMode.Password
