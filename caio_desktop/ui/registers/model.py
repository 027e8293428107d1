"""`RegisterModel`: the Qt table model of one module's rows, driven by the field registry.

Reads go through `workspace.queries`, writes through operations (`setData` → `update_row`, one undo
step per cell edit). Rows load lazily, a page at a time (`canFetchMore`/`fetchMore`), in id order: the
loaded rows are always the first N rows of the module, so opening a register of 100,000 risks costs the
same as one of 100. After an operation, undo or redo only the rows that changed are re-read and
signalled (dataChanged / beginInsertRows / beginRemoveRows), never a reset.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from sqlalchemy import func, select

from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.fields import Field, FieldKind
from caio_desktop.domain.modules import MODULES, Module
from caio_desktop.operations import update_row
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.registers.annotations import cell_note
from caio_desktop.ui.registers.badges import badge_color, text_on
from caio_desktop.ui.registers.format import DIMENSION_FIELD, format_value
from caio_desktop.ui.theme import link_color
from caio_desktop.workspace import queries

ROW_ROLE = Qt.ItemDataRole.UserRole  # the row as a dict
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value, for sorting
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the row id
PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex
_NUMERIC = (FieldKind.INTEGER, FieldKind.NUMBER, FieldKind.PERCENT)


def _link_font() -> QFont:
    font = QFont()  # made on use: a QFont needs the application, which the import may precede
    font.setUnderline(True)
    return font


def link_of(value: Any) -> str | None:
    """The web address a text cell holds (a watch item's source), or None: only http(s) opens."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith(("https://", "http://")) and " " not in text:
            return text
    return None


_AS_IS = (FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.INTEGER, FieldKind.SCORE)  # searched unformatted
# Edited in the detail form only: a one-line cell editor would flatten paragraphs, and a list of
# linked rows needs the form's checkable list.
_FORM_ONLY = (FieldKind.LONG_TEXT, FieldKind.REFS)
SOURCE_FIELDS = ("source_module", "source_id")  # an action's origin (a register, a row), shown by name


class RegisterModel(QAbstractTableModel):
    """Rows of one module (optionally restricted by `where`, e.g. the measurements of one KPI).

    Columns are the module's fields in registry order: `column(key)` gives a field's column.
    Signals: `validation_failed(ValidationError)` when an edit is refused (nothing is written);
    `total_changed(int)` when the number of rows in the module changes.
    """

    validation_failed = Signal(object)
    total_changed = Signal(int)

    def __init__(self, context: AppContext, module_key: str, *, where: dict[str, Any] | None = None,
                 page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        self.context = context
        self.module: Module = MODULES[module_key]
        self.fields: tuple[Field, ...] = self.module.fields
        self.page_size = page_size
        self._where: dict[str, Any] = dict(where or {})
        self._rows: list[dict[str, Any]] = []
        self._ids: list[int] = []  # sorted, parallel to _rows
        self._total = 0
        self._ref_labels: dict[str, dict[int, str]] = {}
        self._markers: dict[int, str] = {}  # row id → "added" | "changed" since a state (Changes view)
        self._markers_since = ""
        context.workspace_changed.connect(self.reload)
        context.rows_changed.connect(self._on_rows_changed)
        context.language_changed.connect(self._on_language_changed)
        self.reload()

    # --- public helpers ------------------------------------------------------------------------------
    def column(self, key: str) -> int:
        for i, field in enumerate(self.fields):
            if field.key == key:
                return i
        raise KeyError(f"{self.module.key} has no column {key!r}")

    def field_at(self, column: int) -> Field:
        return self.fields[column]

    def row_dict(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def row_of(self, row_id: int) -> int:
        """The position of a loaded row, or -1."""
        position = bisect.bisect_left(self._ids, row_id)
        return position if position < len(self._ids) and self._ids[position] == row_id else -1

    def raw(self, row: int, column: int) -> Any:
        return self._rows[row].get(self.fields[column].key)

    def ref_labels(self, module_key: str) -> dict[int, str]:
        """Labels of the rows of `module_key` that the loaded rows refer to, read as rows load: an
        action register never reads the labels of 100,000 risks to show twenty actions."""
        return self._ref_labels.get(module_key, {})

    def set_markers(self, markers: dict[int, str], since: str = "") -> None:
        """Mark the rows added or changed since the state `since`, in the row header: a marker column
        that leaves every field in its column."""
        self._markers, self._markers_since = dict(markers), since
        if self._rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._rows) - 1)

    def marker(self, row_id: int) -> str | None:
        return self._markers.get(row_id)

    @property
    def total(self) -> int:
        """Rows in the module (matching `where`), loaded or not."""
        return self._total

    @property
    def where(self) -> dict[str, Any]:
        return dict(self._where)

    def set_where(self, where: dict[str, Any] | None) -> None:
        """Show another subset (master-detail: the measurements of the selected KPI)."""
        self._where = dict(where or {})
        self.reload()

    def fetch_all(self) -> None:
        """Load every remaining row (before a search or a sort across the whole register), in one
        query: page after page would make SQLite skip ever longer offsets."""
        if not self.canFetchMore(QModelIndex()):
            return
        rows = self._fetch(len(self._rows), None)
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._append(rows)
            self.endInsertRows()
        self._total = len(self._rows)

    def search_text(self, row: int) -> str:
        """Everything a person reads in a row, lower-cased, for the search box."""
        values = self._rows[row]
        lang = self.context.lang
        parts: list[str] = []
        for field in self.fields:  # plain texts and numbers as they are; the rest as displayed
            value = values.get(field.key)
            if value is None or value == "" or value == [] or field.kind == FieldKind.BOOL:
                continue
            if field.kind in _AS_IS and field is not DIMENSION_FIELD:  # a dimension is found by its name
                parts.append(str(value))
            else:
                parts.append(format_value(field, value, lang, self._labels_for(field)))
        return " ".join(parts).casefold()

    def reload(self, *_: object) -> None:
        self.beginResetModel()
        self._rows, self._ids, self._ref_labels = [], [], {}
        self._total = self._count()
        if self._total:
            self._append(self._fetch(0, self.page_size))
        self.endResetModel()
        self.total_changed.emit(self._total)

    # --- Qt model API --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.fields)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:  # noqa: N802 - Qt API
        if not self.canFetchMore(parent):
            return
        rows = self._fetch(len(self._rows), self.page_size)
        if not rows:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._append(rows)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return self._marker_header(section, role)
        if not 0 <= section < len(self.fields):
            return None
        field = self.fields[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return field.label(self.context.lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            return field.label(self.context.lang) + (" *" if field.required else "")
        return None

    def _marker_header(self, section: int, role: int) -> Any:
        marker = self._markers.get(self._ids[section]) if 0 <= section < len(self._ids) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return {"added": "+", "changed": "●"}.get(marker or "", "")
        if role == Qt.ItemDataRole.ToolTipRole and marker:
            text = (QCoreApplication.translate("RegisterModel", "Added since %1") if marker == "added"
                    else QCoreApplication.translate("RegisterModel", "Changed since %1"))
            return text.replace("%1", self._markers_since)
        if role == Qt.ItemDataRole.ForegroundRole and marker:
            return QColor("#2E7D32") if marker == "added" else link_color()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        field = self.fields[index.column()]
        writable = field.editable and not getattr(self.context.workspace, "read_only", True)
        if writable and field.kind == FieldKind.BOOL:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif writable and field.kind not in _FORM_ONLY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        field = self.fields[index.column()]
        value = row.get(field.key)
        if role == Qt.ItemDataRole.DisplayRole:
            if field.kind == FieldKind.BOOL:
                return None
            if field.key in SOURCE_FIELDS and row.get("source_module") in MODULES:
                return self._source_text(field, row)
            text = format_value(field, value, self.context.lang, self._labels_for(field))
            note = cell_note(self.module.key, field.key, row)  # e.g. a citation still to be confirmed
            return f"{text} {note.mark}" if note else text
        if role == Qt.ItemDataRole.EditRole:
            if isinstance(value, dt.date):
                return QDate(value.year, value.month, value.day)
            return value
        if role == Qt.ItemDataRole.CheckStateRole and field.kind == FieldKind.BOOL:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            note = cell_note(self.module.key, field.key, row)
            long_text = str(value) if field.kind == FieldKind.LONG_TEXT and value else None
            if note is not None:
                return f"{long_text}\n\n{note.tooltip}" if long_text else note.tooltip
            if link_of(value) is not None:
                return QCoreApplication.translate("RegisterModel", "Click to open %1").replace("%1", str(value))
            return long_text
        if role == Qt.ItemDataRole.FontRole and link_of(value) is not None:
            return _link_font()
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            color = badge_color(field, value)
            if color is None:
                if role == Qt.ItemDataRole.ForegroundRole and link_of(value) is not None:
                    return link_color()  # the accent (lightened in dark): it reads and clicks as a link
                return None
            return color if role == Qt.ItemDataRole.BackgroundRole else text_on(color)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if field.kind in _NUMERIC and field.key not in SOURCE_FIELDS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if field.kind == FieldKind.SCORE or badge_color(field, value) is not None:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == ROW_ROLE:
            return dict(row)
        if role == SORT_ROLE:
            return value
        if role == ID_ROLE:
            return row["id"]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or not self.flags(index) & (Qt.ItemFlag.ItemIsEditable
                                                          | Qt.ItemFlag.ItemIsUserCheckable):
            return False
        field = self.fields[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and field.kind == FieldKind.BOOL:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        value = to_python(field, value)
        row = self._rows[index.row()]
        if row.get(field.key) == value:
            return True
        return self.update(row["id"], {field.key: value})

    # --- writes --------------------------------------------------------------------------------------
    def update(self, row_id: int, values: dict[str, Any]) -> bool:
        """Edit a row through the update operation (one undo step); False and `validation_failed` when
        the rules refuse it. The edit says what this register showed (values, row version): when
        someone else changed the same fields since, the person chooses to reload or overwrite."""
        from caio_desktop.ui.team.conflict import ConflictResolver

        position = self.row_of(row_id)
        read = self._rows[position] if position >= 0 else {}
        try:
            if not read:  # (a row this register has not loaded: nothing shown to compare with)
                self.context.perform(update_row, self.module.key, row_id, values)
                return True
            return ConflictResolver.edit_row(self.context, None, self.module.key, row_id, values, read)
        except ValidationError as error:
            self.validation_failed.emit(error)
            return False
        except LookupError:  # deleted meanwhile: the row leaves the table with the next change signal
            return False
        return True

    # --- keeping in step -----------------------------------------------------------------------------
    def _on_rows_changed(self, changed: dict[str, frozenset[int]]) -> None:
        if self.context.workspace is None:
            return
        from caio_desktop.team.watch import EveryRow

        mine = changed.get(self.module.key, ())
        if len(mine) > self.page_size or isinstance(mine, EveryRow):
            # An import (or its undo, or another consultant's) changed more rows than a page: read the
            # register again from its first page, lazily, instead of one query per row (20,000 rows
            # took 4 s that way).
            self.reload()
            return
        refreshed = []
        for key, known in self._ref_labels.items():  # the labels shown of rows that changed
            stale = changed.get(key, frozenset()) & known.keys()
            if stale:
                for row_id in stale:
                    del known[row_id]
                known.update(queries.labels(self.context.workspace, key, stale, titled=True))
                refreshed.append(key)
        for row_id in sorted(changed.get(self.module.key, ())):
            self._apply_row(row_id)
        if refreshed and self._rows:
            for column, field in enumerate(self.fields):
                if field.ref in refreshed or field.key == "source_id":  # (an action's source: any register)
                    self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def _apply_row(self, row_id: int) -> None:
        fresh = queries.get_row(self.context.workspace, self.module.key, row_id)
        if fresh is not None and not self._matches(fresh):
            fresh = None
        position = self.row_of(row_id)
        if fresh is not None:
            self._read_labels([fresh])
        if position >= 0 and fresh is not None:
            self._rows[position] = fresh
            self.dataChanged.emit(self.index(position, 0), self.index(position, len(self.fields) - 1))
        elif position >= 0:
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            del self._ids[position]
            self._total -= 1
            self.endRemoveRows()
            self.total_changed.emit(self._total)
        elif fresh is not None:
            all_loaded = len(self._rows) >= self._total
            self._total += 1
            if all_loaded or (self._ids and row_id < self._ids[-1]):
                position = bisect.bisect_left(self._ids, row_id)
                self.beginInsertRows(QModelIndex(), position, position)
                self._rows.insert(position, fresh)
                self._ids.insert(position, row_id)
                self.endInsertRows()
            self.total_changed.emit(self._total)

    def _on_language_changed(self, _lang: str) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.fields) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.fields) - 1))

    # --- reads ---------------------------------------------------------------------------------------
    def _labels_for(self, field: Field) -> dict[int, str] | None:
        if field.kind in (FieldKind.REF, FieldKind.REFS) and field.ref:
            return self.ref_labels(field.ref)
        return None

    def _source_text(self, field: Field, row: dict[str, Any]) -> str:
        """Actions raised from another register name it and its row ("Risks", "R-012")."""
        source = row["source_module"]
        if field.key == "source_module":
            return MODULES[source].label(self.context.lang)
        value = row.get("source_id")
        return "" if value is None else self.ref_labels(source).get(value, f"#{value}")

    def _matches(self, row: dict[str, Any]) -> bool:
        return all(row.get(key) == value for key, value in self._where.items())

    def _fetch(self, offset: int, limit: int | None) -> list[dict[str, Any]]:
        return queries.fetch_rows(self.context.workspace, self.module.key, offset=offset, limit=limit,
                                  where=self._where or None)

    def _count(self) -> int:
        workspace = self.context.workspace
        if workspace is None:
            return 0
        if not self._where:
            return queries.count_rows(workspace, self.module.key)
        from caio_desktop.workspace.models import MODELS

        t = MODELS[self.module.key].__table__
        statement = select(func.count()).select_from(t)
        for key, value in self._where.items():
            statement = statement.where(t.c[key] == value)
        with workspace.engine.connect() as conn:
            return int(conn.execute(statement).scalar_one())

    def _append(self, rows: list[dict[str, Any]]) -> None:
        self._read_labels(rows)
        self._rows.extend(rows)
        self._ids.extend(r["id"] for r in rows)

    def _read_labels(self, rows: list[dict[str, Any]]) -> None:
        """Read the labels `rows` refer to that are not known yet (one query per referenced module)."""
        if self.context.workspace is None:
            return
        wanted: dict[str, set[int]] = {}
        for field in self.fields:
            if field.kind in (FieldKind.REF, FieldKind.REFS) and field.ref:
                ids = wanted.setdefault(field.ref, set())
                for row in rows:
                    value = row.get(field.key)
                    if value is not None and field.kind == FieldKind.REFS:
                        ids.update(value)
                    elif value is not None:
                        ids.add(value)
        if any(f.key in SOURCE_FIELDS for f in self.fields):
            for row in rows:
                if row.get("source_module") in MODULES and row.get("source_id") is not None:
                    wanted.setdefault(row["source_module"], set()).add(row["source_id"])
        for module_key, ids in wanted.items():
            known = self._ref_labels.setdefault(module_key, {})
            missing = ids - known.keys()
            if missing:
                known.update(queries.labels(self.context.workspace, module_key, missing, titled=True))


def to_python(field: Field, value: Any) -> Any:
    """A value coming from a Qt editor, as the operations expect it (QDate → date, "" → None)."""
    if isinstance(value, QDate):
        return dt.date(value.year(), value.month(), value.day()) if value.isValid() else None
    if isinstance(value, str) and not value.strip() and field.kind != FieldKind.LONG_TEXT:
        return None
    return value
