"""Which columns a register shows by default and how wide they are.

A register opens readable: at most ten columns (long texts live in the detail form), widths from each
field's `width` in characters, then fitted to what the loaded rows hold within the table's width
(`ColumnFitter`): a short column gives its room to a cut one instead of the last column taking it all. People change the choice from the header's context menu; the choice is
remembered per module (QSettings).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

from caio_desktop.domain.fields import FieldKind, Module
from caio_desktop.ui import settings

MAX_DEFAULT_COLUMNS = 10
_NARROW = {FieldKind.SCORE: 8, FieldKind.BOOL: 8, FieldKind.PERCENT: 9, FieldKind.DATE: 12,
           FieldKind.CHOICE: 16}
_PRIORITY = {  # lower is dropped last
    FieldKind.CHOICE: 1, FieldKind.SCORE: 1, FieldKind.DATE: 2, FieldKind.PERCENT: 2, FieldKind.BOOL: 3,
    FieldKind.NUMBER: 3, FieldKind.TEXT: 3, FieldKind.REF: 4, FieldKind.REFS: 5, FieldKind.INTEGER: 5,
    FieldKind.COLOR: 5, FieldKind.LONG_TEXT: 6,
}


def default_hidden(module: Module) -> list[str]:
    keep = [f for f in module.fields
            if f.kind != FieldKind.LONG_TEXT or f.key == module.title_field or f.required
            or len(module.fields) <= 3]
    essential = {module.title_field, module.code_field}
    while len(keep) > MAX_DEFAULT_COLUMNS:
        droppable = [f for f in keep if f.key not in essential and not f.required]
        if not droppable:
            break
        worst = max(droppable, key=lambda f: (_PRIORITY[f.kind], module.fields.index(f)))
        keep.remove(worst)
    kept = {f.key for f in keep}
    return [f.key for f in module.fields if f.key not in kept]


def hidden_columns(module: Module) -> list[str]:
    chosen = settings.hidden_columns(module.key)
    return default_hidden(module) if chosen is None else chosen


def apply_columns(view: QTableView, module: Module) -> None:
    """Show the chosen columns with sensible widths."""
    hidden = set(hidden_columns(module))
    metrics = view.fontMetrics()
    bold = QFont(view.font())
    bold.setBold(True)  # headers are drawn in bold by the theme
    header_metrics = QFontMetrics(bold)
    char = max(6, metrics.averageCharWidth())
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, field in enumerate(module.fields):
        view.setColumnHidden(column, field.key in hidden)
        label = view.model().headerData(column, header.orientation()) or ""
        chars = min(field.width, _NARROW.get(field.kind, 42))
        width = max(chars * char + 12, header_metrics.horizontalAdvance(str(label)) + 30)
        view.setColumnWidth(column, width)
    header.setStretchLastSection(True)


_FIT_SAMPLE = 200  # rows measured: the first page, enough to know a column's typical width
_CELL_PADDING = 28  # the cell's margins and a badge's pill (8 around it, 12 inside, rounding)
_CAP_CHARS = {FieldKind.LONG_TEXT: 44}  # a paragraph is read in the form, not stretched across the table
_CAP_DEFAULT = 48
_SHORT_KINDS = (FieldKind.CHOICE, FieldKind.SCORE, FieldKind.DATE, FieldKind.BOOL, FieldKind.PERCENT,
                FieldKind.INTEGER, FieldKind.NUMBER)
_CAP_TITLE = 64  # a row's name, read first, may take more (an AI system's full name)


def fit_columns(view: QTableView, module: Module) -> None:
    """Size the shown columns to their header and content, sharing the table's width fairly.

    Each column wants the width of its header and of its widest loaded cell (capped); when they do
    not all fit, the row's name keeps up to a third of the width, then the narrow columns keep what they
    need and the wide ones share the rest equally, never
    below their header's width (so no header is cut). Room left over goes to the columns still cut,
    then to the last one."""
    model = view.model()
    if model is None:
        return
    metrics = view.fontMetrics()
    bold = QFont(view.font())
    bold.setBold(True)
    header_metrics = QFontMetrics(bold)
    char = max(6, metrics.averageCharWidth())
    rows = min(model.rowCount(), _FIT_SAMPLE)
    wanted: dict[int, int] = {}
    floor: dict[int, int] = {}
    for column, field in enumerate(module.fields):
        if column >= model.columnCount() or view.isColumnHidden(column):
            continue
        label = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        floor[column] = header_metrics.horizontalAdvance(label) + 30  # room for the sort arrow
        if field.kind == FieldKind.BOOL:
            wanted[column] = floor[column]
            continue
        content = max((metrics.horizontalAdvance(str(model.index(r, column).data() or ""))
                       for r in range(rows)), default=0) + _CELL_PADDING
        cap = (_CAP_TITLE if field.key == module.title_field else _CAP_CHARS.get(field.kind, _CAP_DEFAULT)) * char
        wanted[column] = max(floor[column], min(content, cap))
    if not wanted:
        return
    available = max(view.viewport().width(), 1)
    widths = dict(wanted)
    if sum(wanted.values()) > available:
        # The row's name (its title, its code) is what people read first: it keeps up to a third of
        # the width before the other columns share the rest (an AI system's name read "Voice e…").
        # Short values (a level badge, a date, a score) are kept whole: cut, they mean nothing ("Medi…").
        short = [c for c, f in enumerate(module.fields) if c in wanted and f.kind in _SHORT_KINDS]
        names = [c for c, f in enumerate(module.fields)
                 if c in wanted and c not in short and f.key in (module.title_field, module.code_field)]
        remaining = available - sum(wanted[c] for c in short)
        for column in names:
            widths[column] = min(wanted[column], max(floor[column], available // 3))
            remaining -= widths[column]
        others = [c for c in wanted if c not in names and c not in short]
        left = len(others)
        for column in sorted(others, key=wanted.get):
            share = remaining // left
            widths[column] = wanted[column] if wanted[column] <= share else max(floor[column], share)
            remaining -= widths[column]
            left -= 1
    for column, width in widths.items():
        view.setColumnWidth(column, width)


class ColumnFitter(QObject):
    """Keeps a register's columns fitted (`fit_columns`) as rows load and the table is shown or resized;
    a column whose border a person dragged keeps their width, in this session and the next ones."""

    def __init__(self, view: QTableView, module: Module) -> None:
        super().__init__(view)
        self.view, self.module = view, module
        self.saved = settings.column_widths(module.key)  # what a person sized last time, kept
        self._fitting = False
        self._timer = QTimer(self)  # one fit per burst of loads and resizes
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        view.installEventFilter(self)
        view.horizontalHeader().sectionResized.connect(self._on_resized)

    def schedule(self, *_: object) -> None:
        self._timer.start()

    def fit(self) -> None:
        """Fit the columns, then give those a person sized their width back."""
        self._fitting = True
        try:
            fit_columns(self.view, self.module)
        finally:
            self._fitting = False
        self._apply_saved()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.view and event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            self.schedule()
        return False

    def _apply_saved(self) -> None:
        self._fitting = True
        try:
            for column, field in enumerate(self.module.fields):
                if field.key in self.saved and column < self.view.model().columnCount():
                    self.view.setColumnWidth(column, self.saved[field.key])
        finally:
            self._fitting = False

    def _on_resized(self, column: int, _old: int, new: int) -> None:
        # Our own widths and the stretched last column arrive here too: only a drag is a person's choice,
        # remembered for the next start.
        if not self._fitting and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self.remember(column, new)

    def remember(self, column: int, width: int) -> None:
        """A column a person sized: kept now and after a restart."""
        if 0 <= column < len(self.module.fields):
            self.saved[self.module.fields[column].key] = width
            settings.set_column_widths(self.module.key, self.saved)
