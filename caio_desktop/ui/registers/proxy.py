"""Search and filters over a register: free text across the displayed cells, exact values per field
(a status, a level, a likelihood × impact cell of the heat map), custom predicates (mine, overdue);
sorting on raw values with empty cells last."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from caio_desktop.ui.registers.format import sort_key
from caio_desktop.ui.registers.model import RegisterModel

Index = QModelIndex | QPersistentModelIndex
RowPredicate = Callable[[dict[str, Any]], bool]

class RegisterProxy(QSortFilterProxyModel):
    """Filters and sorts a RegisterModel."""

    def __init__(self, source: RegisterModel, parent: Any = None) -> None:
        super().__init__(parent)
        # The searchable text of each row, built once (formatting every cell of 100,000 rows on each
        # keystroke would take seconds); any change the model signals may alter it, so it is dropped —
        # connected before setSourceModel so that it runs before the proxy re-filters a changed row.
        self._texts: dict[int, str] = {}
        for signal in (source.dataChanged, source.modelReset, source.headerDataChanged):
            signal.connect(self._texts.clear)
        self.setSourceModel(source)
        self.register = source
        self._search = ""
        self._values: dict[str, set[Any]] = {}
        self._predicates: dict[str, RowPredicate] = {}

    @property
    def active_filters(self) -> dict[str, set[Any]]:
        return {k: set(v) for k, v in self._values.items()}

    def set_search(self, text: str) -> None:
        search = " ".join(text.casefold().split())
        if search:
            self.register.fetch_all()  # a search covers the whole register, not the loaded pages
        self._search = search
        self._refilter()

    def set_value_filter(self, field_key: str, values: set[Any] | None) -> None:
        """Keep rows whose `field_key` is one of `values` (None or empty removes the filter)."""
        if values:
            self._values[field_key] = set(values)
            self.register.fetch_all()
        else:
            self._values.pop(field_key, None)
        self._refilter()

    def set_predicate(self, name: str, predicate: RowPredicate | None) -> None:
        if predicate is None:
            self._predicates.pop(name, None)
        else:
            self._predicates[name] = predicate
            self.register.fetch_all()
        self._refilter()

    def clear_filters(self) -> None:
        self._values.clear()
        self._predicates.clear()
        self._search = ""
        self._refilter()

    def _refilter(self) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateFilter() is deprecated
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt API
        row = self.register.row_dict(source_row)
        for key, wanted in self._values.items():
            if row.get(key) not in wanted:
                return False
        if not all(predicate(row) for predicate in self._predicates.values()):
            return False
        if not self._search:
            return True
        text = self._texts.get(row["id"])
        if text is None:
            text = self._texts[row["id"]] = self.register.search_text(source_row)
        return all(word in text for word in self._search.split())

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802 - Qt API
        model = self.register
        a = sort_key(model.raw(left.row(), left.column()))
        b = sort_key(model.raw(right.row(), right.column()))
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def row_id(self, proxy_row: int) -> int:
        return self.register.row_dict(self.mapToSource(self.index(proxy_row, 0)).row())["id"]

    def proxy_row_of(self, row_id: int) -> int:
        source_row = self.register.row_of(row_id)
        if source_row < 0:
            return -1
        return self.mapFromSource(self.register.index(source_row, 0)).row()

ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter
