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

from caio_desktop.domain.fields import Field, FieldKind, Module
from caio_desktop.ui import settings

MAX_DEFAULT_COLUMNS = 10
DEFAULT_TABLE_WIDTH = 860  # the table beside its detail form in a 1440-pixel window
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
    # What the table beside its form holds at 1440 × 900 without cutting a name, a date or a header
    # (issue 22): the columns dropped last go to the form (an initiative's linked use cases, an AI
    # system's DPIA flag), where they are read whole.
    while sum(_estimated_width(f) for f in keep) > DEFAULT_TABLE_WIDTH:
        droppable = [f for f in keep if f.key not in essential and not f.required]
        if not droppable:
            break
        # what the rules compute from the others (a quadrant, a risk level) stays longest: it sums them up
        keep.remove(max(droppable, key=lambda f: (not f.computed, _PRIORITY[f.kind], module.fields.index(f))))
    kept = {f.key for f in keep}
    return [f.key for f in module.fields if f.key not in kept]


def _estimated_width(field: Field) -> float:
    """A column's likely width before any row is read: its longer header (bold) or its content."""
    header = max(len(field.label("fr")), len(field.label("en"))) * 7.2 + 16
    content = min(field.width, _NARROW.get(field.kind, 20)) * 6.2 + 14
    return max(header, content)


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
_TEXT_PADDING = 14  # a plain text cell: its margins and rounding (no pill)
_HEADER_PADDING = 16  # the theme's section padding (6 px each side) and rounding
_SORT_ARROW = 16
# Free text a person types at length, the first to give way when a table is crowded (elided, with the
# whole text as tooltip): long texts, the titles of other rows a reference shows, and these descriptive
# texts. Everything else — people's names, e-mails, phones, units, channels, versions — is kept whole.
FREE_TEXT_KINDS = frozenset((FieldKind.LONG_TEXT, FieldKind.REF, FieldKind.REFS))
FREE_TEXT_FIELDS = frozenset(("role", "department", "audience", "category", "source", "vendor"))
REFERENCE_LABELS = frozenset((("actions", "source_id"),))  # an id shown as the title of the row it names


def is_free_text(module: Module, field_key: str) -> bool:
    """Whether a column may be elided (with its tooltip) when the table is crowded (see FREE_TEXT_*)."""
    field = module.field(field_key)
    return (field.kind in FREE_TEXT_KINDS or field.key == module.title_field or field.key in FREE_TEXT_FIELDS
            or (module.key, field.key) in REFERENCE_LABELS)


def fit_columns(view: QTableView, module: Module) -> None:
    """Size the shown columns to their header and content, sharing the table's width fairly.

    Each column wants the width of its header and of its widest loaded cell (capped); when they do
    not all fit, `_crowded` says who gives way (free text first, never below its header's width, so no
    header is cut). Room left over goes to the last column."""
    model = view.model()
    if model is None:
        return
    metrics = view.fontMetrics()
    bold = QFont(view.font())
    bold.setBold(True)
    header_metrics = QFontMetrics(bold)
    char = max(6, metrics.averageCharWidth())
    rows = min(model.rowCount(), _FIT_SAMPLE)
    header = view.horizontalHeader()
    sorted_on = header.sortIndicatorSection() if header.isSortIndicatorShown() else -1
    wanted: dict[int, int] = {}
    floor: dict[int, int] = {}
    for column, field in enumerate(module.fields):
        if column >= model.columnCount() or view.isColumnHidden(column):
            continue
        label = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        # the header's padding, and the sort arrow's room for the column sorted on (refitted on a sort)
        floor[column] = header_metrics.horizontalAdvance(label) + _HEADER_PADDING + (
            _SORT_ARROW if column == sorted_on else 0)
        if field.kind == FieldKind.BOOL:
            wanted[column] = floor[column]
            continue
        padding = _CELL_PADDING if field.kind in _SHORT_KINDS else _TEXT_PADDING
        content = max((metrics.horizontalAdvance(str(model.index(r, column).data() or ""))
                       for r in range(rows)), default=0) + padding
        cap = (_CAP_TITLE if field.key == module.title_field else _CAP_CHARS.get(field.kind, _CAP_DEFAULT)) * char
        wanted[column] = max(floor[column], min(content, cap))
    if not wanted:
        return
    available = max(view.viewport().width(), 1)
    widths = dict(wanted)
    if sum(wanted.values()) > available:
        widths = _crowded(module, wanted, floor, available)
    for column, width in widths.items():
        view.setColumnWidth(column, width)


def _share(columns: list[int], wanted: dict[int, int], floor: dict[int, int], room: int) -> dict[int, int]:
    """`room` shared among `columns`: the narrowest take what they want, the others equal parts, none
    below its header."""
    widths: dict[int, int] = {}
    left = len(columns)
    for column in sorted(columns, key=wanted.get):
        share = room // left
        widths[column] = wanted[column] if wanted[column] <= share else max(floor[column], share)
        room -= widths[column]
        left -= 1
    return widths


def _crowded(module: Module, wanted: dict[int, int], floor: dict[int, int], available: int) -> dict[int, int]:
    """Widths when the columns do not all fit. Short values (a level badge, a date, a score) are kept
    whole: cut, they mean nothing ("Medi…"); so are a code, a person's name, an e-mail, a unit
    ("Hélène Marc…" read beside a roomy role). The row's name (its title), read first, keeps up to a
    third of the width; free text (`is_free_text`) shares what is left, never below its header. When even
    that does not fit, free text and the title keep their headers' width and the others share the rest."""
    fields = module.fields
    short = [c for c in wanted if fields[c].kind in _SHORT_KINDS and not is_free_text(module, fields[c].key)]
    title = [c for c in wanted if c not in short and fields[c].key == module.title_field]
    whole = [c for c in wanted if c not in short and c not in title and not is_free_text(module, fields[c].key)]
    free = [c for c in wanted if c not in short and c not in title and c not in whole]
    widths = {c: wanted[c] for c in short + whole}
    room = available - sum(widths.values())
    if room >= sum(floor[c] for c in title + free):
        for column in title:
            widths[column] = max(floor[column], min(wanted[column], available // 3,
                                                    room - sum(floor[c] for c in free)))
            room -= widths[column]
        widths.update(_share(free, wanted, floor, room))
        return widths
    # Too many columns: free text and the title as wide as their headers, the others share the rest.
    widths = {c: wanted[c] for c in short} | {c: floor[c] for c in title + free}
    widths.update(_share(whole, wanted, floor, available - sum(widths.values())))
    return widths


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
