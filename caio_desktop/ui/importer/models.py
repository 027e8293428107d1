"""Qt table models of the import wizard: the sheet as read (first rows) and the rows as they will be
imported, with warnings and errors highlighted.

The tints come from the theme's roles (`row_rejected`, `row_warning`, `row_header`), read when a cell is
painted, so they follow a switch between light and dark; a tinted cell also names its text colour, the
scheme's own, which the theme's tests hold at 4.5:1 or more on each tint."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.fields import Field, FieldKind
from caio_desktop.interchange.importing import PlannedRow
from caio_desktop.interchange.importing.header import column_letters
from caio_desktop.interchange.importing.text import cell_text
from caio_desktop.ui import theme

Index = QModelIndex | QPersistentModelIndex
TINTS = ("row_rejected", "row_warning", "row_header")  # theme roles of the highlighted rows and cells


def tint(role: str, color_role: int) -> QBrush | QColor | None:
    """The background (a brush) or the text colour of a cell tinted `role`, in the scheme shown;
    None for any other data role."""
    colors = theme.colors()
    if color_role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(QColor(colors[role]))
    if color_role == Qt.ItemDataRole.ForegroundRole:
        return QColor(colors["text"])
    return None


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


class RawSheetModel(QAbstractTableModel):
    """The first rows of a sheet as they are in the file, the header row highlighted."""

    def __init__(self, rows: list[list[Any]] | None = None, header_index: int = 0, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[list[Any]] = []
        self._width = 0
        self._header = 0
        self.set_rows(rows or [], header_index)

    def set_rows(self, rows: list[list[Any]], header_index: int) -> None:
        self.beginResetModel()
        self._rows = rows
        self._width = max((len(r) for r in rows), default=0)
        self._header = header_index
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else self._width

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        value = row[index.column()] if index.column() < len(row) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(cell_text(value).split())[:80]
        if index.row() == self._header:
            return tint("row_header", role)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return column_letters(section) if orientation == Qt.Orientation.Horizontal else str(section + 1)


class PreviewModel(QAbstractTableModel):
    """Rows of an ImportPlan: sheet row number, outcome, then one column per mapped field.

    Rejected rows are red with the reason as tooltip; cells whose value was kept as a custom attribute
    (it fit no choice, no date…) are amber with the warning as tooltip.
    """

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[PlannedRow] = []
        self._fields: list[tuple[Field, str]] = []  # (field, column header)
        self._lang = "en"
        self._message_lang = "en"  # the engagement's: the row messages' language

    def set_plan(self, rows: list[PlannedRow], fields: list[tuple[Field, str]], lang: str,
                 message_lang: str | None = None) -> None:
        self.beginResetModel()
        self._rows, self._fields, self._lang = rows, fields, lang
        self._message_lang = message_lang or lang
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else 2 + len(self._fields)

    def row(self, number: int) -> PlannedRow:
        return self._rows[number]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        warning = self._warning(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if row.error is not None:
                return tint("row_rejected", role)
            return tint("row_warning", role) if warning or (column == 1 and row.warnings) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.error is not None:
                return row.error.text(self._message_lang)
            if column == 1 and row.warnings:
                return "\n".join(w.text(self._message_lang) for w in row.warnings)
            return warning
        return None

    def _warning(self, row: PlannedRow, column: int) -> str | None:
        if column < 2:
            return None
        header = self._fields[column - 2][1]
        found = [w.text(self._message_lang) for w in row.warnings if w.column == header]
        return "\n".join(found) if found else None

    def _display(self, row: PlannedRow, column: int) -> str:
        if column == 0:
            return str(row.line)
        if column == 1:
            if row.error is not None:
                return _tr("Rejected")
            if row.match_id is not None:
                return _tr("Update")
            return _tr("New") if not row.warnings else _tr("New (warnings)")
        field, header = self._fields[column - 2]
        value = row.values.get(field.key)
        if value is None:
            return row.values.get("custom", {}).get(header, "")
        if field.kind == FieldKind.CHOICE and field.choices:
            return ENUMERATIONS[field.choices].label(value, self._lang)
        if field.kind == FieldKind.BOOL:
            return (_tr("Yes") if value else _tr("No"))
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return " ".join(cell_text(value).split())[:120]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return _tr("Row")
        if section == 1:
            return _tr("Outcome")
        return self._fields[section - 2][0].label(self._lang)
