"""`MaturityRatingView`: rate every dimension of the reference maturity model, current and target level,
with the five level descriptors of the dimension in view while choosing.

Pillars and dimensions on the left (with their current → target levels), the selected dimension's
descriptors on the right with one button per level for the current and the target level. Each rating is
one `rate_dimension` operation (repeated clicks on one dimension merge into one undo step).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.domain.modules import MODULES
from caio_desktop.operations import create_row
from caio_desktop.operations.diagnosis import rate_dimension
from caio_desktop.reference.maturity import load_maturity_model
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.registers.defaults import new_row_values
from caio_desktop.ui.registers.format import format_number
from caio_desktop.workspace import queries

KEY_ROLE = Qt.ItemDataRole.UserRole
CURRENT_STYLE = "background: #1F4E79; color: white; border-radius: 3px;"
TARGET_STYLE = "background: #DCE8F4; color: #1F4E79; border: 1px dashed #1F4E79; border-radius: 3px;"


class NameDelegate(QStyledItemDelegate):
    """The tree's name column: a name wraps between words at the column's width, and its row is as tall
    as the lines it takes (Qt's tree measures a wrapped item as if it had the width of one line)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def text_width(self, index: QModelIndex) -> int:
        """The width the name of `index` has in its column: the column less the indentation of its depth
        (a pillar one step, with the branch marks; a dimension two) and the item's margins."""
        depth = 1
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        margin = self.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.tree) + 1
        return max(1, self.tree.columnWidth(0) - depth * self.tree.indentation() - 2 * margin)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt API
        hint = super().sizeHint(option, index)
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if font is not None else option.font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        lines = metrics.boundingRect(QRect(0, 0, self.text_width(index), 100_000),
                                     int(Qt.TextFlag.TextWordWrap), text).height()
        return QSize(hint.width(), max(hint.height(), lines + hint.height() - metrics.height()))


class MaturityRatingView(QWidget):
    """Rating of the dimensions of one maturity assessment."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = load_maturity_model()
        self.ratings: dict[str, dict[str, Any]] = {}
        self._build()
        context.workspace_changed.connect(self.reload)
        context.data_changed.connect(self._on_data_changed)
        context.language_changed.connect(self.retranslate)
        self.retranslate()
        self.reload()

    # --- building ------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        self.assessment_label = QLabel()
        self.assessment = QComboBox()
        self.assessment.setMinimumWidth(260)
        self.assessment.currentIndexChanged.connect(self._fill_ratings)
        top.addWidget(self.assessment_label)
        top.addWidget(self.assessment)
        self.new_assessment = QPushButton()
        self.new_assessment.clicked.connect(self.add_assessment)
        top.addWidget(self.new_assessment)
        self.no_assessment = QLabel()  # says why the levels cannot be clicked yet, and what to do
        self.no_assessment.setObjectName("pageSubtitle")
        self.no_assessment.setWordWrap(True)  # wraps rather than widening the window past 1440 px
        top.addWidget(self.no_assessment, 1)
        top.addStretch(0)  # with the hint hidden, the combo and the button keep their own widths
        layout.addLayout(top)
        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(16)  # (Fusion's 20 px per step, twice before a dimension, is room for names)
        # A name longer than its column wraps onto a second line instead of ending in "…": beside the
        # radar at 1440 px the column cannot hold "Cycle de vie des modèles (MLOps/LLMOps)" whole.
        # Wrapped rows are taller (NameDelegate measures them at the column's width, which Qt's tree
        # does not), and are measured again when the column is resized.
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegateForColumn(0, NameDelegate(self.tree))
        self.tree.header().sectionResized.connect(self._names_resized)
        self.tree.currentItemChanged.connect(self._show_dimension)
        self.tree.setMinimumWidth(260)
        splitter.addWidget(self.tree)
        splitter.addWidget(self._descriptor_panel())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 420])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

    def _descriptor_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("detailBody")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(14, 10, 14, 10)
        self.dimension_title = QLabel()
        self.dimension_title.setObjectName("formHeading")
        self.dimension_summary = QLabel()
        self.dimension_summary.setWordWrap(True)
        self.dimension_summary.setObjectName("pageSubtitle")
        layout.addWidget(self.dimension_title)
        layout.addWidget(self.dimension_summary)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        self.level_names: list[QLabel] = []
        self.level_texts: list[QLabel] = []
        for i in range(5):
            name = QLabel()
            name.setMinimumWidth(100)
            name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            text = QLabel()
            text.setWordWrap(True)
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(name, i, 0)
            grid.addWidget(text, i, 1)
            self.level_names.append(name)
            self.level_texts.append(text)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.current_label, self.current_buttons = self._level_row(layout, "current")
        self.target_label, self.target_buttons = self._level_row(layout, "target")
        layout.addStretch(1)
        return panel

    def _level_row(self, layout: QVBoxLayout, which: str) -> tuple[QLabel, QButtonGroup]:
        row = QHBoxLayout()
        label = QLabel()
        label.setMinimumWidth(100)
        row.addWidget(label)
        group = QButtonGroup(self)
        group.setExclusive(True)
        for level in range(1, 6):
            button = QPushButton(str(level))
            button.setCheckable(True)
            button.setFixedWidth(30)  # a digit: narrow buttons leave the tree's names their room, with
            button.setStyleSheet("QPushButton { padding: 4px 2px; }")  # the theme's 12 px sides it was squeezed
            button.setObjectName(f"{which}_{level}")
            group.addButton(button, level)
            row.addWidget(button)
        row.addStretch(1)
        group.idClicked.connect(lambda level, w=which: self.rate(w, level))
        layout.addLayout(row)
        return label, group

    def retranslate(self, *_: object) -> None:
        self.assessment_label.setText(self.tr("Assessment:"))
        self.new_assessment.setText(self.tr("New assessment"))
        self.no_assessment.setText(self.tr("No assessment yet: create one to rate the dimensions."))
        self.tree.setHeaderLabels([self.tr("Dimension"), self.tr("Current"), self.tr("Target")])
        self.current_label.setText(self.tr("Current level"))
        self.target_label.setText(self.tr("Target level"))
        self._fill_tree()
        self._show_dimension()

    # --- data ----------------------------------------------------------------------------------------
    def reload(self, *_: object) -> None:
        current = self.assessment.currentData()
        self.assessment.blockSignals(True)
        self.assessment.clear()
        workspace = self.context.workspace
        rows = queries.fetch_rows(workspace, "maturity", order_by="assessed_on") if workspace else []
        for row in rows:
            self.assessment.addItem(queries.row_label(MODULES["maturity"], row), row["id"])
        index = self.assessment.findData(current)
        self.assessment.setCurrentIndex(index if index >= 0 else self.assessment.count() - 1)
        self.assessment.blockSignals(False)
        writable = workspace is not None and not getattr(workspace, "read_only", True)
        self.new_assessment.setVisible(writable)
        self.no_assessment.setVisible(not rows)
        self.assessment.setEnabled(bool(rows))
        self._fill_ratings()

    def add_assessment(self) -> int | None:
        """Create an assessment dated today (one undo step) and show it, ready to rate."""
        workspace = self.context.workspace
        if workspace is None or getattr(workspace, "read_only", True):
            return None
        values = new_row_values(workspace, "maturity", self.context.lang)
        row_id = self.context.perform(create_row, "maturity", values).row_ids[0]
        self.reload()
        self.assessment.setCurrentIndex(self.assessment.findData(row_id))
        return row_id

    def assessment_id(self) -> int | None:
        return self.assessment.currentData()

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        if "maturity" in tables:
            self.reload()
        elif "maturity_ratings" in tables:
            self._fill_ratings()

    def _fill_ratings(self, *_: object) -> None:
        assessment_id = self.assessment_id()
        workspace = self.context.workspace
        self.ratings = {}
        if workspace is not None and assessment_id is not None:
            self.ratings = {r["dimension"]: r for r in queries.fetch_rows(
                workspace, "maturity_ratings", where={"assessment_id": assessment_id})}
        self._fill_tree()
        self._show_dimension()

    def _fill_tree(self) -> None:
        lang = self.context.lang
        selected = self.selected_dimension()
        self.tree.blockSignals(True)
        self.tree.clear()
        select_item = None
        for pillar in self.model.pillars:
            parent = QTreeWidgetItem([pillar.label(lang), "", ""])
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            levels = [self.ratings[d.key]["current_level"] for d in pillar.dimensions if d.key in self.ratings]
            if levels:
                # the interface's decimal separator ("1,8" in French), as every other number
                parent.setText(1, format_number(sum(levels) / len(levels), lang, decimals=1, fixed=True))
                parent.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
            for dimension in pillar.dimensions:
                rating = self.ratings.get(dimension.key, {})
                item = QTreeWidgetItem([dimension.label(lang), str(rating.get("current_level") or "–"),
                                        str(rating.get("target_level") or "–")])
                item.setData(0, KEY_ROLE, dimension.key)
                item.setToolTip(0, dimension.label(lang))  # whole, should a narrow window cut it
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
                item.setTextAlignment(2, Qt.AlignmentFlag.AlignCenter)
                parent.addChild(item)
                if dimension.key == selected:
                    select_item = item
            self.tree.addTopLevelItem(parent)
        self.tree.expandAll()
        header = self.tree.header()  # names take what is left; the two levels always show
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        bold = header.font()
        bold.setBold(True)
        heads = QFontMetrics(bold)
        for column in (1, 2):  # wide enough for "Current" / "Actuel" in the bold header
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.tree.setColumnWidth(column, max(58, heads.horizontalAdvance(self.tree.headerItem().text(column)) + 18))
        # The tree asks for the longest dimension name beside its two levels, so that names are not cut
        # at 1440 px; a minimum that large would widen the window, so only the split gives it.
        metrics = self.tree.fontMetrics()
        longest = max((metrics.horizontalAdvance(d.label(lang)) for d in self.model.dimensions), default=0)
        self._tree_wanted = longest + 2 * self.tree.indentation() + 2 * 58 + 24
        self._give_tree_its_width()
        if select_item is None and self.tree.topLevelItemCount():
            select_item = self.tree.topLevelItem(0).child(0)
        self.tree.setCurrentItem(select_item)
        self.tree.blockSignals(False)

    def _names_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0:
            self.tree.scheduleDelayedItemsLayout()  # the wrapped names' heights at the new width

    def _give_tree_its_width(self) -> None:
        """Names on one line when the view has room for them and for the level descriptors (what their
        panel needs at least); else the tree takes all the panel leaves, and the longer names wrap."""
        sizes = self.splitter.sizes()
        wanted = getattr(self, "_tree_wanted", 0)
        total = sum(sizes)
        if total > 0 and sizes[0] < wanted:
            panel = self.splitter.widget(1).minimumSizeHint().width()
            tree = min(wanted, max(sizes[0], total - panel))
            self.splitter.setSizes([tree, total - tree])

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._give_tree_its_width()

    def selected_dimension(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, KEY_ROLE) if item is not None else None

    def select_dimension(self, key: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            pillar = self.tree.topLevelItem(i)
            for j in range(pillar.childCount()):
                if pillar.child(j).data(0, KEY_ROLE) == key:
                    self.tree.setCurrentItem(pillar.child(j))
                    return

    def _show_dimension(self, *_: object) -> None:
        lang = self.context.lang
        key = self.selected_dimension()
        if key is None:
            self.dimension_title.setText(self.tr("Choose a dimension"))
            self.dimension_summary.setText("")
            return
        dimension = self.model.dimension(key)
        rating = self.ratings.get(key, {})
        current, target = rating.get("current_level"), rating.get("target_level")
        self.dimension_title.setText(dimension.label(lang))
        self.dimension_summary.setText(dimension.description(lang))
        for level in range(1, 6):
            name, text = self.level_names[level - 1], self.level_texts[level - 1]
            name.setText(f"{level} · {self.model.level_name(level, lang)}")
            text.setText(dimension.level_descriptor(level, lang))
            style = CURRENT_STYLE if level == current else TARGET_STYLE if level == target else ""
            name.setStyleSheet(style + " padding: 2px 6px;" if style else "padding: 2px 6px;")
        writable = self.assessment_id() is not None and not getattr(self.context.workspace, "read_only", True)
        for group, value in ((self.current_buttons, current), (self.target_buttons, target)):
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(group.id(button) == value)
                button.setEnabled(writable and (group is self.current_buttons or current is not None))
            group.setExclusive(True)

    # --- rating --------------------------------------------------------------------------------------
    def rate(self, which: str, level: int) -> None:
        key = self.selected_dimension()
        assessment_id = self.assessment_id()
        if key is None or assessment_id is None:
            return
        from caio_desktop.ui.team.conflict import ConflictResolver

        def write(shown: dict[str, Any]) -> None:  # on the rating as shown: a colleague's level is asked about
            current = level if which == "current" else shown.get("current_level")
            target = level if which == "target" else shown.get("target_level")
            if current is not None:
                levels = ("current_level", "target_level")
                self.context.perform(rate_dimension, assessment_id, key, current_level=current, target_level=target,
                                     seen={name: shown[name] for name in levels if name in shown},
                                     seen_version=shown.get("row_version", 0))  # 0: shown unrated

        rating = self.ratings.get(key, {})
        ConflictResolver.write(self.context, self, "maturity_ratings", rating.get("id", 0), write, rating)
