"""What every page of the workbench shares: a heading, tabs of registers (each possibly with charts
above it), the buttons that write (off on a read-only engagement), and the ways the window drives a page
(focus the search, show a given row)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.domain.modules import MODULES
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.optional import optional_class  # noqa: F401 - pages of other features import it from here

W = TypeVar("W", bound=QWidget)

if TYPE_CHECKING:  # the overview, the first page shown, needs no register (nor the operations)
    from caio_desktop.ui.registers.view import RegisterWidget


def card(title: str, widget: QWidget) -> tuple[QFrame, QLabel]:
    """A white panel with a small title above `widget`."""
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(10, 8, 10, 8)
    label = QLabel(title)
    label.setObjectName("sectionTitle")
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return frame, label


# Where a chart above its register sends people to add what it draws (`ChartWidget.beside_register`):
# not to the page they are on.
BELOW_REGISTER = ("dans le registre ci-dessous", "in the register below")


class Page(QWidget):
    """A page: heading (title, subtitle) and tabs. Subclasses fill `build()` and name themselves."""

    key = ""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.registers: dict[str, RegisterWidget] = {}
        self._tab_labels: list[Callable[[], str]] = []
        self._texts: list[tuple[QLabel, Callable[[], str]]] = []
        self._writers: list[QWidget] = []  # the page's own buttons that write (`writes`)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(8)
        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("pageSubtitle")
        self.subtitle_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        layout.addWidget(self.subtitle_label)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(False)
        self.body = layout
        self.build()
        if self.tabs.count():
            layout.addWidget(self.tabs, 1)
            # a single tab would only repeat the page's title above it (AI systems)
            self.tabs.tabBar().setVisible(self.tabs.count() > 1)
        context.language_changed.connect(self.retranslate)
        context.workspace_changed.connect(self._update_writers)  # pages outlive the file they were made on
        self.retranslate()
        self._update_writers()

    # --- for subclasses ------------------------------------------------------------------------------
    def build(self) -> None:  # pragma: no cover - every page overrides
        raise NotImplementedError

    def title(self) -> str:  # pragma: no cover
        raise NotImplementedError

    def subtitle(self) -> str:
        return ""

    def module_label(self, module_key: str) -> str:
        return MODULES[module_key].label(self.context.lang)

    def add_tab(self, widget: QWidget, label: Callable[[], str]) -> QWidget:
        self.tabs.addTab(widget, label())
        self._tab_labels.append(label)
        return widget

    def add_register(self, module_key: str, *, where: dict[str, Any] | None = None,
                     show_form: bool = True) -> RegisterWidget:
        from caio_desktop.ui.registers.view import RegisterWidget

        register = RegisterWidget(self.context, module_key, where=where, show_form=show_form)
        self.registers.setdefault(module_key, register)
        return register

    def add_register_tab(self, module_key: str, *, charts: list[tuple[QWidget, Callable[[], str]]] = (),
                         label: Callable[[], str] | None = None) -> RegisterWidget:
        """A tab with the register of `module_key`, below the given charts (if any)."""
        register = self.add_register(module_key)
        self.add_tab(self.with_charts(register, charts), label or (lambda: self.module_label(module_key)))
        return register

    def with_charts(self, widget: QWidget, charts: list[tuple[QWidget, Callable[[], str]]]) -> QWidget:
        if not charts:
            return widget
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        for chart, _title in charts:  # each chart draws its own caption
            frame, label = card("", chart)
            label.hide()
            row_layout.addWidget(frame, 1)
        scroll = QScrollArea()  # tall charts (a long roadmap) scroll instead of stretching the window
        scroll.setWidget(row)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumHeight(220)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(scroll)
        splitter.addWidget(widget)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([row.minimumSizeHint().height() + 4, 400])
        splitter.setChildrenCollapsible(False)
        return splitter

    def translated(self, label: QLabel, text: Callable[[], str]) -> QLabel:
        """Keep `label` showing `text()` in the current language."""
        self._texts.append((label, text))
        label.setText(text())
        return label

    def writes(self, widget: W) -> W:
        """Mark `widget` (a button beside a register, say) as one that writes to the engagement: it is
        enabled only while the engagement is open and writable, not on a file opened read-only or for a
        team reader, whose write would only be refused after the dialog it opens was filled in."""
        self._writers.append(widget)
        widget.setEnabled(self.writable())
        return widget

    def writable(self) -> bool:
        workspace = self.context.workspace
        return workspace is not None and not getattr(workspace, "read_only", True)

    def _update_writers(self, *_: object) -> None:
        writable = self.writable()
        for widget in self._writers:
            widget.setEnabled(writable)

    def retranslate(self, *_: object) -> None:
        self.title_label.setText(self.title())
        self.subtitle_label.setText(self.subtitle())
        self.subtitle_label.setVisible(bool(self.subtitle()))
        for i, label in enumerate(self._tab_labels):
            self.tabs.setTabText(i, label())
        for widget, text in self._texts:
            widget.setText(text())

    # --- driven by the window ------------------------------------------------------------------------
    def current_register(self) -> RegisterWidget | None:
        current = self.tabs.currentWidget()
        for register in self.registers.values():
            if current is register or (current is not None and current.isAncestorOf(register)):
                return register
        return None

    def focus_search(self) -> None:
        register = self.current_register()
        if register is not None:
            register.focus_search()

    def show_row(self, module_key: str, row_id: int | None = None) -> bool:
        """Bring the register of `module_key` to the front and select `row_id`."""
        register = self.registers.get(module_key)
        if register is None:
            return False
        for i in range(self.tabs.count()):
            tab = self.tabs.widget(i)
            if tab is register or tab.isAncestorOf(register):
                self.tabs.setCurrentIndex(i)
                break
        if row_id is not None:
            register.clear_filters()
            return register.select_row(row_id)
        return True
