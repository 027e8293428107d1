"""`SearchResultsModel`: the hits of a search as a two-level tree — one row per register that matches
(its name and how many rows match), under it one row per hit (code, title and snippet, matches marked).

Groups are enabled but not selectable: the keyboard moves from hit to hit (`hit_indexes`).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from caio_desktop.domain.modules import MODULES
from caio_desktop.workspace.search import MARK_END, MARK_START, Hit, ModuleHits, plain

Index = QModelIndex | QPersistentModelIndex
TITLE_HTML_ROLE = Qt.ItemDataRole.UserRole + 1  # "<b>R-011</b> — Fuite de <mark>données</mark> …"
SNIPPET_HTML_ROLE = Qt.ItemDataRole.UserRole + 2
MODULE_ROLE = Qt.ItemDataRole.UserRole + 3  # module key, on groups and hits
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 4  # row id, on hits
IS_GROUP_ROLE = Qt.ItemDataRole.UserRole + 5
_NO_PARENT = 0xFFFFFFFF  # internalId of a group row; a hit's is its group's number
MARK_STYLE = "background-color: #FFE08A; color: #1E2A38;"


def marked_html(text: str) -> str:
    """`text` as HTML, each marked match highlighted (the text itself escaped: a title may hold `<`)."""
    escaped = html.escape(text, quote=False)
    return escaped.replace(MARK_START, f'<span style="{MARK_STYLE}">').replace(MARK_END, "</span>")


def hit_label(hit: Hit) -> str:
    """"R-011 — Fuite de données…" (or the title alone), without marks."""
    code, title = plain(hit.code), plain(hit.title)
    return f"{code} — {title}" if code and title else code or title or f"#{hit.row_id}"


class SearchResultsModel(QAbstractItemModel):
    """The groups and hits of the last search, in the interface language `lang`."""

    def __init__(self, lang: str = "fr", parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.groups: list[ModuleHits] = []

    def set_results(self, groups: list[ModuleHits]) -> None:
        self.beginResetModel()
        self.groups = list(groups)
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        if self.groups:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.groups) - 1, 0))

    # --- structure -----------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _NO_PARENT) if row < len(self.groups) else QModelIndex()
        if parent.internalId() != _NO_PARENT or parent.row() >= len(self.groups):
            return QModelIndex()  # hits have no children
        if row >= len(self.groups[parent.row()].hits):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row())

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's signature
        if not child.isValid() or child.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(int(child.internalId()), 0, _NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        if not parent.isValid():
            return len(self.groups)
        if parent.column() != 0 or parent.internalId() != _NO_PARENT:
            return 0
        return len(self.groups[parent.row()].hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _NO_PARENT:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- content -------------------------------------------------------------------------------------
    def hit(self, index: Index) -> Hit | None:
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        return self.groups[int(index.internalId())].hits[index.row()]

    def group_label(self, group: ModuleHits) -> str:
        name = MODULES[group.module].label(self.lang)
        if group.total > len(group.hits):
            text = QCoreApplication.translate("SearchResults", "%1 — first %2 of %3")
            return text.replace("%1", name).replace("%2", str(len(group.hits))).replace("%3", str(group.total))
        return f"{name} — {group.total}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            group = self.groups[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.group_label(group)
            if role == TITLE_HTML_ROLE:
                return html.escape(self.group_label(group))
            if role == MODULE_ROLE:
                return group.module
            if role == IS_GROUP_ROLE:
                return True
            return None
        hit = self.hit(index)
        if hit is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return hit_label(hit)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain(hit.snippet) or hit_label(hit)
        if role == TITLE_HTML_ROLE:
            code, title = marked_html(hit.code), marked_html(hit.title)
            return f"<b>{code}</b> — {title}" if hit.code and hit.title else f"<b>{code}</b>" if hit.code \
                else title or f"#{hit.row_id}"
        if role == SNIPPET_HTML_ROLE:
            return marked_html(hit.snippet)
        if role == MODULE_ROLE:
            return hit.module
        if role == ROW_ID_ROLE:
            return hit.row_id
        if role == IS_GROUP_ROLE:
            return False
        return None

    def hit_indexes(self) -> list[QModelIndex]:
        """Every hit, in the order shown (the keyboard's path through the results)."""
        return [self.index(h, 0, self.index(g, 0)) for g, group in enumerate(self.groups)
                for h in range(len(group.hits))]
