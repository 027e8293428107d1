"""Cell editors of the register table: lists for enumerations and references, 1–5 for scores, a
calendar for dates; everything else uses Qt's default editors."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QHelpEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from caio_desktop.domain.fields import FieldKind
from caio_desktop.ui.registers.badges import text_on
from caio_desktop.ui.registers.editors import ChoiceEditor, DateEditor, editor_for
from caio_desktop.ui.registers.format import DIMENSION_FIELD
from caio_desktop.ui.registers.model import RegisterModel
from caio_desktop.ui.registers.ref_picker import RefEditor

Index = QModelIndex | QPersistentModelIndex


def _source(index: Index) -> tuple[RegisterModel, QModelIndex]:
    model = index.model()
    while not isinstance(model, RegisterModel):  # through the sort/filter proxies
        index = model.mapToSource(index)
        model = index.model()
    return model, index


def elided_tooltip(index: Index, width: int, metrics: QFontMetrics) -> str | None:
    """The tooltip of a cell: the model's own (a long text, a note), else the whole text when the cell
    is too narrow to show it (the cell ends in "…")."""
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    if tip:
        return str(tip)
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if text and metrics.horizontalAdvance(str(text)) + 12 > width:
        return str(text)
    return None


class RegisterDelegate(QStyledItemDelegate):
    """Chooses the editor from the column's field kind, and draws coloured values (risk levels, AI Act
    tiers, quadrants) as badges."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        badge = index.data(Qt.ItemDataRole.BackgroundRole)
        if not isinstance(badge, QColor):
            super().paint(painter, option, index)
            return
        # A badge is a pill on the row's own background: a selected row keeps its selection colour
        # around it instead of hiding the level or tier behind the selection (the cell's background).
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        item.backgroundBrush = QBrush()
        style = item.widget.style() if item.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        pill = QRectF(option.rect).adjusted(4, 3, -4, -3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(badge)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(foreground if isinstance(foreground, QColor) else text_on(badge))
        painter.setFont(item.font)
        painter.drawText(pill.adjusted(6, 0, -6, 0), int(Qt.AlignmentFlag.AlignCenter),
                         item.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, int(pill.width()) - 12))
        painter.restore()

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,  # noqa: N802
                  index: Index) -> bool:
        if event is not None and event.type() == QEvent.Type.ToolTip and index.isValid():
            tip = elided_tooltip(index, option.rect.width(), option.fontMetrics)
            if tip:
                QToolTip.showText(event.globalPos(), tip, view)
            else:
                QToolTip.hideText()
            return True
        return super().helpEvent(event, view, option, index)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        model, source = _source(index)
        field = model.field_at(source.column())
        if field.kind == FieldKind.SCORE:
            editor = QSpinBox(parent)
            editor.setRange(1, 5)
            return editor
        if field.kind in (FieldKind.CHOICE, FieldKind.DATE) or field is DIMENSION_FIELD:
            return editor_for(field, model.context.lang, parent)
        if field.kind == FieldKind.REF and field.ref:
            # The form's picker: the whole list for a short register, a search beyond LIST_LIMIT rows.
            editor = RefEditor(parent)
            editor.set_source(model.context.workspace, field.ref, allow_empty=not field.required)
            editor.committed.connect(lambda: self.commitData.emit(editor))  # a row chosen in the search
            return editor
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        model, source = _source(index)
        value = model.raw(source.row(), source.column())
        if isinstance(editor, ChoiceEditor | DateEditor):
            editor.set_value(value)
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 3))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        value: Any
        if isinstance(editor, ChoiceEditor | DateEditor | QSpinBox):
            value = editor.value()
        else:
            super().setModelData(editor, model, index)
            return
        model.setData(index, value)
