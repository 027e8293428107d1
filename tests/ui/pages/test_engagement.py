"""Engagement page: the engagement form edits the engagement; the client logo is chosen and undone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from caio_desktop.ui.pages.engagement import EngagementPage
from caio_desktop.workspace.queries import fetch_rows


def _png(path: Path) -> Path:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#1F4E79"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    path.write_bytes(bytes(data))
    return path


def test_engagement_form_and_logo(qtbot, context_empty, tmp_path: Path, monkeypatch) -> None:
    context = context_empty
    page = EngagementPage(context)
    qtbot.addWidget(page)
    sponsor = page.form.field_editor("sponsor")
    sponsor.setText("Direction générale")
    sponsor.editingFinished.emit()
    assert fetch_rows(context.workspace, "engagement")[0]["sponsor"] == "Direction générale"
    logo = _png(tmp_path / "logo.png")
    monkeypatch.setattr(EngagementPage, "ask_logo_path", classmethod(lambda cls, parent: logo))
    page.choose_logo()
    assert fetch_rows(context.workspace, "engagement")[0]["client_logo"] == logo.read_bytes()
    assert page.logo.pixmap() is not None and not page.logo.pixmap().isNull()
    assert page.remove_logo_button.isEnabled()
    context.undo_stack.undo()
    assert fetch_rows(context.workspace, "engagement")[0]["client_logo"] is None
    assert page.logo.text() == "Pas de logo"


def test_svg_client_logo_is_accepted_and_previewed(qtbot, context_empty, tmp_path: Path, monkeypatch) -> None:
    from caio_desktop.ui.logos import logo_file_filter

    page = EngagementPage(context_empty)
    qtbot.addWidget(page)
    assert "*.svg" in logo_file_filter()
    logo = tmp_path / "client.svg"
    logo.write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50">'
                     b'<circle cx="25" cy="25" r="20" fill="#C0392B"/></svg>')
    monkeypatch.setattr(EngagementPage, "ask_logo_path", classmethod(lambda cls, parent: logo))
    page.choose_logo()
    row = fetch_rows(context_empty.workspace, "engagement")[0]
    assert (row["client_logo"], row["client_logo_type"]) == (logo.read_bytes(), "svg")
    image = page.logo.pixmap().toImage()
    assert abs(image.width() - 4 * image.height()) <= 4  # in proportion (4:1), fitted to the frame
    assert image.pixelColor(image.width() // 8, image.height() // 2).name() == "#c0392b"  # the circle, drawn
