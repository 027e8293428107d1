"""`SearchDialog`: search across the whole engagement (Edit › Search the engagement, Ctrl+Shift+F).

Keyboard first: type (results follow as one types), ↑/↓ move from hit to hit across the registers,
Enter opens the hit on its page with its form (`AppContext.row_requested`), Esc closes. A double
click opens a hit as well.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.ui.context import AppContext
from caio_desktop.ui.search.controller import SearchController
from caio_desktop.ui.search.model import (
    IS_GROUP_ROLE,
    MODULE_ROLE,
    ROW_ID_ROLE,
    SNIPPET_HTML_ROLE,
    TITLE_HTML_ROLE,
    SearchResultsModel,
)

TYPING_PAUSE_MS = 120  # a search per pause in typing, not per key: fast typists send keys every ~50 ms
SNIPPET_COLOUR = "#5B6675"


class HitDelegate(QStyledItemDelegate):
    """A group row: the register's name in bold. A hit: its code and title, then the snippet in grey,
    the matched words highlighted; both on one line each, cut at the right edge."""

    PADDING = 6

    def _document(self, html: str, option: QStyleOptionViewItem, colour: str | None = None) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.NoWrap)
        document.setDefaultTextOption(text_option)
        document.setHtml(f'<span style="color: {colour}">{html}</span>' if colour else html)
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text).name()
        rect: QRect = option.rect.adjusted(self.PADDING, 2, -self.PADDING, -2)
        painter.save()
        painter.setClipRect(option.rect)
        if index.data(IS_GROUP_ROLE):
            html = f"<b>{index.data(TITLE_HTML_ROLE)}</b>"
            self._draw(painter, self._document(html, option, SNIPPET_COLOUR), rect, text_colour)
        else:
            title = self._document(index.data(TITLE_HTML_ROLE) or "", option, text_colour)
            self._draw(painter, title, rect, text_colour)
            snippet = index.data(SNIPPET_HTML_ROLE) or ""
            if snippet:
                line = int(title.size().height())
                colour = text_colour if selected else SNIPPET_COLOUR
                self._draw(painter, self._document(snippet, option, colour), rect.adjusted(0, line, 0, 0),
                           text_colour)
        painter.restore()

    @staticmethod
    def _draw(painter: QPainter, document: QTextDocument, rect: QRect, colour: str) -> None:
        painter.save()
        painter.translate(rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRect(0, 0, rect.width(), rect.height())
        context.palette.setColor(QPalette.ColorRole.Text, colour)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt API
        line = option.fontMetrics.height()
        if index.data(IS_GROUP_ROLE):
            return QSize(200, line + 12)
        lines = 2 if index.data(SNIPPET_HTML_ROLE) else 1
        return QSize(200, lines * (line + 2) + 6)


class SearchDialog(QDialog):
    """The search box and its results; one per window, shown again with the last text selected."""

    def __init__(self, context: AppContext, controller: SearchController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.controller = controller
        self.setObjectName("searchDialog")
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 8)
        layout.setSpacing(6)
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.model = SearchResultsModel(context.lang, self)
        self.results = QTreeView()
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setItemsExpandable(False)
        self.results.setUniformRowHeights(False)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the search box
        self.results.activated.connect(self.open_hit)
        self.results.doubleClicked.connect(self.open_hit)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _text: self.timer.start())
        context.language_changed.connect(self.retranslate)
        context.workspace_changed.connect(self._on_workspace_changed)
        self.retranslate()

    def retranslate(self, *_: object) -> None:
        self.setWindowTitle(self.tr("Search the engagement"))
        self.field.setPlaceholderText(self.tr("Search every register: codes, titles, notes, your own columns…"))
        self.field.setAccessibleName(self.tr("Search the engagement"))
        self.model.set_language(self.context.lang)
        self._say_count()

    # --- showing -------------------------------------------------------------------------------------
    def show_search(self) -> None:
        """Show the box (not modal) with the last search selected, so typing replaces it."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.field.setFocus()
        self.field.selectAll()
        self.controller.prepare(self, self.run_search)

    def _on_workspace_changed(self, _workspace: object) -> None:
        self.model.set_results([])
        self.field.clear()
        self.hide()

    # --- searching -----------------------------------------------------------------------------------
    def run_search(self) -> None:
        self.timer.stop()
        if not self.controller.ready:
            self.controller.prepare(self, self.run_search)  # built, or caught up, then searched
            return
        self.model.set_results(self.controller.search(self.field.text()))
        self.results.expandAll()
        hits = self.model.hit_indexes()
        if hits:
            self.results.setCurrentIndex(hits[0])
            self.results.scrollToTop()
        self._say_count()

    def _say_count(self) -> None:
        text = self.field.text().strip()
        if not text:
            self.status.setText(self.tr("Type to search every register of the engagement; Enter opens, "
                                        "Esc closes."))
            return
        if not self.model.groups:
            self.status.setText(self.tr("Nothing matches “%1”.").replace("%1", text))
            return
        rows = sum(group.total for group in self.model.groups)
        self.status.setText(f"{self.tr('%n matching row(s)', '', rows)} · "
                            f"{self.tr('%n register(s)', '', len(self.model.groups))}")

    # --- keys ----------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.move_current(key)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.timer.isActive():  # typed, then Enter before the pause: search what was typed
                    self.run_search()
                self.open_hit(self.results.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def move_current(self, key: int) -> None:
        """The current hit one (or a page of ten) down or up, across the groups."""
        hits = self.model.hit_indexes()
        if not hits:
            return
        current = self.results.currentIndex()
        position = next((i for i, index in enumerate(hits) if index == current), -1)
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}[key]
        position = max(0, min(len(hits) - 1, position + step))
        self.results.setCurrentIndex(hits[position])
        self.results.scrollTo(hits[position])

    def open_hit(self, index: QModelIndex) -> None:
        """Show the hit's row on its page, in its form, and close the search."""
        if not index.isValid() or index.data(IS_GROUP_ROLE):
            return
        module, row_id = index.data(MODULE_ROLE), index.data(ROW_ID_ROLE)
        self.accept()
        self.context.row_requested.emit(module, int(row_id))
