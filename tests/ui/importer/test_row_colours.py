"""The import wizard's tinted rows (preview: rejected in red, warned in amber; sheet: the header row in
blue) and its error text read in the light and the dark scheme: each tint is the scheme's own, its text
at 4.5:1 or more, and a dark tint under the dark scheme's pale text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QTableView, QWidget

from caio_desktop.domain.modules import module
from caio_desktop.interchange.importing.planned import PlannedRow, Problem
from caio_desktop.ui import theme
from caio_desktop.ui.importer.models import PreviewModel, RawSheetModel
from caio_desktop.ui.importer.pages_source import error_label

BACKGROUND, FOREGROUND = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp) -> Iterator[str]:
    """The application in one scheme, put back as the other tests know it afterwards."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # earlier tests' widgets: see `widgets`
    font, palette, sheet, style = QFont(qapp.font()), QPalette(qapp.palette()), qapp.styleSheet(), qapp.style().name()
    theme.apply_theme(qapp, request.param)
    yield request.param
    if qapp.style().name() != style:
        qapp.setStyle(style)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


@pytest.fixture
def widgets(scheme: str) -> Iterator[list[QWidget]]:
    """Widgets of one test, closed and deleted before the scheme's fixture puts the theme back (a style
    sheet restored over widgets awaiting deletion polishes them half torn down: a crash in Qt)."""
    shown: list[QWidget] = []
    yield shown
    for widget in shown:
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _preview() -> PreviewModel:
    risks = module("risks")
    fields = [(risks.field("title"), "Risque"), (risks.field("likelihood"), "Probabilité")]
    rejected = PlannedRow(4, ["Biais", "souvent"], {"title": "Biais", "custom": {}})
    rejected.error = Problem(4, "Probabilité", "souvent", "is not a level")
    warned = PlannedRow(5, ["Dérive", "3"], {"title": "Dérive", "likelihood": 3, "custom": {}},
                        [Problem(5, "Risque", "Dérive", "kept as an attribute")])
    clean = PlannedRow(6, ["Fuite", "2"], {"title": "Fuite", "likelihood": 2, "custom": {}})
    model = PreviewModel()
    model.set_plan([rejected, warned, clean], fields, "fr")
    return model


def _pair(model, row: int, column: int) -> tuple[QColor, QColor]:  # noqa: ANN001
    index = model.index(row, column)
    return QColor(model.data(index, FOREGROUND)), model.data(index, BACKGROUND).color()


def test_rejected_and_warned_rows_read_in_either_scheme(qtbot, qtmodeltester, scheme: str) -> None:
    model = _preview()
    qtmodeltester.check(model)
    colors = theme.DARK if scheme == "dark" else theme.LIGHT
    rejected = _pair(model, 0, 2)
    warned = _pair(model, 1, 1)  # the outcome cell of a row with warnings, and its warned cell
    assert _pair(model, 1, 2) == warned
    assert model.data(model.index(1, 3), BACKGROUND) is None  # the warned row's other cells stay plain
    assert model.data(model.index(2, 1), BACKGROUND) is None  # a clean row is not tinted
    assert rejected[1] == QColor(colors["row_rejected"]) and warned[1] == QColor(colors["row_warning"])
    for text, tint in (rejected, warned):
        assert theme.contrast(text, tint) >= 4.5, (scheme, tint.name())
        assert (tint.lightness() < 128) == (scheme == "dark")  # a light tint under pale text read ≈ 1.2:1
        assert tint != QColor(colors["base"]) and tint != QColor(colors["alternate"])
    assert rejected[1] != warned[1]


def test_the_sheet_s_header_row_reads_in_either_scheme(qtbot, qtmodeltester, scheme: str) -> None:
    model = RawSheetModel([["Registre des risques"], ["Risque", "Probabilité"], ["Biais", "souvent"]], 1)
    qtmodeltester.check(model)
    text, tint = _pair(model, 1, 0)
    assert theme.contrast(text, tint) >= 4.5
    assert (tint.lightness() < 128) == (scheme == "dark")
    assert model.data(model.index(2, 0), BACKGROUND) is None


def test_the_tints_are_what_the_table_shows(qtbot, scheme: str, widgets: list[QWidget]) -> None:
    view = QTableView()
    widgets.append(view)
    model = _preview()
    view.setModel(model)
    view.resize(600, 200)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    for row, column in ((0, 0), (1, 1)):
        cell = view.visualRect(model.index(row, column))
        shown = image.pixelColor(cell.right() - 2, cell.center().y())  # beside the text, inside the cell
        assert shown == model.data(model.index(row, column), BACKGROUND).color(), (scheme, row)


def test_the_wizard_s_error_text_reads_in_either_scheme(scheme: str, widgets: list[QWidget]) -> None:
    label = error_label()
    widgets.append(label)
    label.setText("Ce fichier ne peut pas être lu")
    label.ensurePolished()
    shown = label.palette().color(QPalette.ColorRole.WindowText)
    colors = theme.DARK if scheme == "dark" else theme.LIGHT
    assert shown == QColor(colors["error_text"])
    for background in ("window", "base"):
        assert theme.contrast(shown, QColor(colors[background])) >= 4.5, (scheme, background)
