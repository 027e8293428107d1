"""`LinksPanel`: under a detail form, the rows one can follow from the row shown (issue 22) — the rows
its multi-reference fields name (a use case's objectives) and the rows of other registers pointing at it
(an AI system's use cases, risks, compliance items and actions; a risk's treatment actions), each a
button that opens that row on its page with its form (`AppContext.row_requested`, as a search hit).

The pointing registers come from the schema (`workspace.backlinks`); headings are module names in the
interface language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import MODULES
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.registers.format import row_title
from caio_desktop.workspace import queries
from caio_desktop.workspace.backlinks import back_links, pointers

LINK_STYLE = ("QPushButton#rowLink { border: none; background: transparent; color: #1565C0; "
              "text-align: left; padding: 1px 2px; } "
              "QPushButton#rowLink:hover, QPushButton#rowLink:focus { text-decoration: underline; }")
LABEL_LIMIT = 200  # a link's text before eliding to its width; the whole name is its tooltip


class RowLink(QPushButton):
    """A row's name as a link, as wide as the form and elided to it (a long title must not widen the
    form past its splitter: every editor would be cut at the right)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.full_text = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(40, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        room = max(20, self.width() - 8)
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room))


def link_text(module_key: str, row: dict[str, Any], lang: str) -> str:
    """"R-011 — Fuite de données…" for a register with codes, else the row's name as headings read it."""
    mod = MODULES[module_key]
    code = row.get(mod.code_field) if mod.code_field else None
    title = row.get(mod.title_field)
    if code and title:
        return f"{code} — {' '.join(str(title).split())}"
    return row_title(mod, row, lang, limit=200)


class LinksPanel(QWidget):
    """The links of one row of `module_key`; hidden when it has none."""

    def __init__(self, context: AppContext, module_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.module = MODULES[module_key]
        self.row_id: int | None = None
        self.row: dict[str, Any] = {}
        self.setObjectName("linksPanel")
        self.setStyleSheet(LINK_STYLE)
        self.links: list[RowLink] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(2)
        # the registers whose edits can change what is listed: the pointing ones and their link tables
        self.watched = {p.module for p in pointers(module_key)} | {
            p.via[0].name for p in pointers(module_key) if p.via is not None}
        self.watched |= {f.ref for f in self.module.fields if f.kind == FieldKind.REFS and f.ref}
        context.rows_changed.connect(self._on_rows_changed)
        self.hide()

    def set_row(self, row_id: int | None, row: dict[str, Any] | None = None) -> None:
        self.row_id, self.row = row_id, dict(row or {})
        self._fill()

    def _on_rows_changed(self, changed: dict[str, frozenset[int]]) -> None:
        if self.row_id is not None and self.watched & changed.keys():
            self._fill()

    # --- content -------------------------------------------------------------------------------------
    def groups(self) -> list[tuple[str, str, list[tuple[str, int, str]], int]]:
        """(heading, target module, [(module, id, text)], total) of the row shown: the rows its REFS
        fields name, then the rows pointing at it, register by register."""
        workspace, lang = self.context.workspace, self.context.lang
        if workspace is None or self.row_id is None:
            return []
        found = []
        for field in self.module.fields:
            ids = self.row.get(field.key) or [] if field.kind == FieldKind.REFS and field.ref else []
            if ids:
                names = queries.labels(workspace, field.ref, ids, titled=True)
                found.append((field.label(lang), field.ref,
                              [(field.ref, i, names[i]) for i in ids if i in names], len(ids)))
        for group in back_links(workspace, self.module.key, self.row_id):
            entries = [(group.module, row["id"], link_text(group.module, row, lang)) for row in group.rows]
            found.append((MODULES[group.module].label(lang), group.module, entries, group.total))
        return found

    def _fill(self) -> None:
        layout = self.layout()
        while layout.count():
            widget = layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.links = []
        groups = self.groups()
        self.setVisible(bool(groups))
        if not groups:
            return
        title = QLabel(self.tr("Linked rows"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        for heading, _module, entries, total in groups:
            label = QLabel(f"{heading} ({total})")
            label.setObjectName("fieldLabel")
            layout.addWidget(label)
            for module_key, row_id, text in entries:
                layout.addWidget(self._link(module_key, row_id, text))
            if total > len(entries):
                more = QLabel(self.tr("… and %n more", "", total - len(entries)))
                more.setObjectName("pageSubtitle")
                layout.addWidget(more)

    def _link(self, module_key: str, row_id: int, text: str) -> RowLink:
        shown = text if len(text) <= LABEL_LIMIT else text[:LABEL_LIMIT - 1] + "…"
        button = RowLink(shown)
        button.setObjectName("rowLink")
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setToolTip(self.tr("Open %1").replace("%1", text))
        button.setAccessibleName(f"{MODULES[module_key].entity(self.context.lang)} {text}")
        button.clicked.connect(lambda _=False: self.context.row_requested.emit(module_key, row_id))
        self.links.append(button)
        return button
