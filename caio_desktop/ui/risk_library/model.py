"""Qt models of the AI risk library: a table of library risks and a proxy that searches and filters it.

The library is reference data (read-only, a few dozen rows), so the model holds it all; the only thing
that changes is which risks are already in the register, shown in the last column.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from caio_desktop.reference.risk_library import LibraryRisk, RiskLibrary
from caio_desktop.reference.risk_matrix import load_risk_matrix
from caio_desktop.ui.registers.badges import risk_level_colors, text_on

KEY_ROLE = Qt.ItemDataRole.UserRole  # the library key
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # raw value for sorting
RISK_ROLE = Qt.ItemDataRole.UserRole + 2  # the LibraryRisk

Index = QModelIndex | QPersistentModelIndex

TITLE, CATEGORY, SCORE, LEVEL, TREATMENT, IN_REGISTER = range(6)
_HEADERS = {
    "fr": ("Risque", "Catégorie", "P × I", "Niveau", "Traitement", "Au registre"),
    "en": ("Risk", "Category", "L × I", "Level", "Treatment", "In register"),
}


def fold(text: str) -> str:
    """Lower case without accents, so "securite" finds "Sécurité"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class LibraryRiskModel(QAbstractTableModel):
    """The risks of the library, one a row, labelled in `lang`."""

    def __init__(self, library: RiskLibrary, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self.lang = lang if lang in _HEADERS else "en"
        self.risks: tuple[LibraryRisk, ...] = library.risks
        self._matrix = load_risk_matrix()
        self._present: frozenset[str] = frozenset()

    # --- public helpers ------------------------------------------------------------------------------
    def risk_at(self, row: int) -> LibraryRisk:
        return self.risks[row]

    def row_of(self, key: str) -> int:
        """Row of library risk `key` (-1 if unknown)."""
        return next((row for row, risk in enumerate(self.risks) if risk.key == key), -1)

    def set_present(self, keys: set[str] | frozenset[str]) -> None:
        """Mark the library keys already in the register (for the AI system the dialog links to)."""
        keys = frozenset(keys)
        if keys == self._present:
            return
        self._present = keys
        if self.risks:
            self.dataChanged.emit(self.index(0, IN_REGISTER), self.index(len(self.risks) - 1, IN_REGISTER))

    def is_present(self, key: str) -> bool:
        return key in self._present

    def level(self, risk: LibraryRisk) -> str:
        """Level key (low…critical) of the risk's default likelihood and impact on the risk matrix."""
        return self._matrix.level_for(risk.likelihood, risk.impact)

    def level_label(self, risk: LibraryRisk) -> str:
        return self._matrix.level(self.level(risk)).label(self.lang)

    # --- Qt model API --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.risks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(_HEADERS["en"])

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(_HEADERS[self.lang]):
            return _HEADERS[self.lang][section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.risks):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.risks):
            return None
        risk, column, lang = self.risks[index.row()], index.column(), self.lang
        if role == KEY_ROLE:
            return risk.key
        if role == RISK_ROLE:
            return risk
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(risk, column)
        if role == SORT_ROLE:
            raw = {SCORE: risk.likelihood * risk.impact,
                   LEVEL: self._matrix.level(self.level(risk)).rank, IN_REGISTER: int(self.is_present(risk.key))}
            return raw.get(column, self._display(risk, column))
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return f"{risk.title(lang)}\n{risk.description(lang)}"
        if role == Qt.ItemDataRole.ToolTipRole and column == SCORE:
            return ("Probabilité × impact par défaut" if lang == "fr" else "Default likelihood × impact")
        if column == LEVEL and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            color = QColor(risk_level_colors()[self.level(risk)])
            return color if role == Qt.ItemDataRole.BackgroundRole else text_on(color)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SCORE, IN_REGISTER):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, risk: LibraryRisk, column: int) -> str:
        lang = self.lang
        if column == TITLE:
            return risk.title(lang)
        if column == CATEGORY:
            return self.library.category_label(risk.category, lang)
        if column == SCORE:
            return f"{risk.likelihood} × {risk.impact}"
        if column == LEVEL:
            return self.level_label(risk)
        if column == TREATMENT:
            return self.library.treatment_label(risk.treatment, lang)
        return "✓" if self.is_present(risk.key) else ""


class LibraryRiskFilter(QSortFilterProxyModel):
    """Search (title, description, causes, consequences, key; accents ignored) and one category."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._category: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        """Keep the risks whose texts contain every word of `text` (case and accents ignored)."""
        self.beginFilterChange()  # Qt 6.10+: invalidateFilter() is deprecated
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_category(self, category: str | None) -> None:
        """Keep only `category` (None: every category)."""
        self.beginFilterChange()
        self._category = category or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt API
        model = self.sourceModel()
        if not isinstance(model, LibraryRiskModel) or source_parent.isValid():
            return True
        risk = model.risk_at(source_row)
        if self._category and risk.category != self._category:
            return False
        if not self._words:
            return True
        lang = model.lang
        haystack = fold(" ".join([
            risk.key, risk.title(lang), risk.description(lang),
            *(c.get(lang) for c in risk.causes), *(c.get(lang) for c in risk.consequences),
        ]))
        return all(word in haystack for word in self._words)
