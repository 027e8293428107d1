"""One editor widget per field kind, shared by the detail form and the table's cell editors.

Every editor has `value()` (as operations expect it: None for empty), `set_value(value)` (without
emitting) and a `committed` signal emitted when the person finishes an edit.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QDoubleValidator, QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QToolButton,
    QWidget,
)

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.fields import Field, FieldKind
from caio_desktop.ui.registers.format import DIMENSION_FIELD, dimension_options, format_number, locale_for

_NO_DATE = QDate(1900, 1, 1)


class _Editor:
    committed: Signal

    def value(self) -> Any:  # pragma: no cover - every editor overrides
        raise NotImplementedError

    def set_value(self, value: Any) -> None:  # pragma: no cover
        raise NotImplementedError


class TextEditor(QLineEdit, _Editor):
    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._last = ""
        self.editingFinished.connect(self._finish)

    def _finish(self) -> None:
        if self.text() != self._last:
            self._last = self.text()
            self.committed.emit()

    def value(self) -> Any:
        return self.text().strip() or None

    def set_value(self, value: Any) -> None:
        self._last = "" if value is None else str(value)
        self.setText(self._last)
        self.setCursorPosition(0)  # long titles show their beginning


class NumberEditor(TextEditor):
    """Integers and decimals, typed in the interface language's conventions (3,5 or 3.5)."""

    def __init__(self, *, integer: bool, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.integer = integer
        self.lang = lang
        validator = QIntValidator(self) if integer else QDoubleValidator(self)
        validator.setLocale(locale_for(lang))
        self.setValidator(validator)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def value(self) -> Any:
        text = self.text().strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        if not text:
            return None
        return text.replace(",", ".")  # operations validate and convert

    def set_value(self, value: Any) -> None:
        text = "" if value is None else (str(value) if self.integer else format_number(value, self.lang))
        self._last = text.replace("\u202f", "").replace("\xa0", "")
        self.setText(self._last)


class LongTextEditor(QPlainTextEdit, _Editor):
    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._last = ""
        self.setTabChangesFocus(True)
        self.setFixedHeight(72)

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        if self.toPlainText() != self._last:
            self._last = self.toPlainText()
            self.committed.emit()

    def value(self) -> Any:
        return self.toPlainText() if self.toPlainText().strip() else None

    def set_value(self, value: Any) -> None:
        self._last = "" if value is None else str(value)
        self.setPlainText(self._last)


class ScoreEditor(QWidget, _Editor):
    """A 1–5 slider with its value beside it; 0 on the slider means "not rated"."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 5)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setMinimumWidth(120)
        self.label = QLabel("–")
        self.label.setMinimumWidth(18)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.slider.valueChanged.connect(self._show)
        self.slider.sliderReleased.connect(self.committed)
        self.slider.actionTriggered.connect(self._keyboard)

    def _keyboard(self, _action: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.valueChanged.connect(self._emit_once, Qt.ConnectionType.SingleShotConnection)

    def _emit_once(self, _value: int) -> None:
        self.committed.emit()

    def _show(self, value: int) -> None:
        self.label.setText(str(value) if value else "–")

    def value(self) -> Any:
        return self.slider.value() or None

    def set_value(self, value: Any) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(int(value or 0))
        self.slider.blockSignals(False)
        self._show(int(value or 0))


class PercentEditor(QSpinBox, _Editor):
    committed = Signal()

    def __init__(self, *, lang: str = "fr", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, 100)
        self.setSpecialValueText("–")
        self.setSuffix(" %" if lang == "fr" else "%")  # "40 %" in French, "40%" in English
        self.editingFinished.connect(self.committed)

    def value(self) -> Any:
        return None if super().value() < 0 else super().value()

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setValue(-1 if value is None else int(value))
        self.blockSignals(False)


class DateEditor(QWidget, _Editor):
    """A date with a calendar, or no date (the clear button)."""

    committed = Signal()

    def __init__(self, *, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(_NO_DATE)
        self.edit.setSpecialValueText(" ")
        self.edit.setDisplayFormat("dd/MM/yyyy" if lang == "fr" else "dd MMM yyyy")
        self.edit.setLocale(locale_for(lang))
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setToolTip(self.tr("No date"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self._last: dt.date | None = None
        self.edit.editingFinished.connect(self._finish)
        self.edit.calendarWidget().clicked.connect(self._finish)
        self.clear_button.clicked.connect(self._clear)

    def _clear(self) -> None:
        self.edit.setDate(_NO_DATE)
        self._finish()

    def _finish(self, *_: object) -> None:
        if self.value() != self._last:
            self._last = self.value()
            self.committed.emit()

    def value(self) -> Any:
        date = self.edit.date()
        if date == _NO_DATE or not date.isValid():
            return None
        return dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: Any) -> None:
        self._last = value
        self.edit.blockSignals(True)
        self.edit.setDate(QDate(value.year, value.month, value.day) if value else _NO_DATE)
        self.edit.blockSignals(False)


class BoolEditor(QCheckBox, _Editor):
    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clicked.connect(self.committed)

    def value(self) -> Any:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))


class ChoiceEditor(QComboBox, _Editor):
    """A code of an enumeration or the id of another module's row, shown by its label."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # long labels (an AI system's full name) must not widen the form: they elide instead
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.activated.connect(self.committed)

    def set_options(self, options: list[tuple[Any, str]], *, allow_empty: bool = True) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        if allow_empty:
            self.addItem("", None)
        for data, label in options:
            self.addItem(label, data)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(value)) if value is not None else 0)
        self.blockSignals(False)


class DimensionEditor(ChoiceEditor):
    """The dimension of a maturity rating, picked by name among the maturity model's dimensions.

    A dimension the model does not know (a client's own axis, imported) stays in the list as it is,
    so opening such a rating neither hides nor changes it."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_options(dimension_options(lang), allow_empty=False)

    def set_value(self, value: Any) -> None:
        if value is not None and self.findData(value) < 0:
            self.addItem(str(value), value)
        super().set_value(value)


class RefsEditor(QListWidget, _Editor):
    """Several rows of another module, ticked in a list."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(96)
        self.itemChanged.connect(lambda _item: self.committed.emit())

    def set_options(self, options: list[tuple[int, str]]) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        for row_id, label in options:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row_id in current else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.blockSignals(False)

    def value(self) -> Any:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_value(self, value: Any) -> None:
        wanted = set(value or [])
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)
        self.blockSignals(False)


class ColorEditor(QPushButton, _Editor):
    """A colour swatch; clicking opens the colour dialog (`ask_color`, replaceable in tests)."""

    committed = Signal()

    @classmethod
    def ask_color(cls, parent: QWidget, current: QColor) -> QColor:
        return QColorDialog.getColor(current, parent)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: str | None = None
        self.clicked.connect(self._pick)
        self.setMinimumWidth(110)

    def _pick(self) -> None:
        color = self.ask_color(self, QColor(self._value or "#1F4E79"))
        if color.isValid():
            self.set_value(color.name().upper())
            self.committed.emit()

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        self.setText(value or "–")
        if value:
            self.setStyleSheet(f"QPushButton {{ background: {value}; color: "
                               f"{'#000' if QColor(value).lightnessF() > 0.6 else '#fff'}; }}")
        else:
            self.setStyleSheet("")


def editor_for(field: Field, lang: str, parent: QWidget | None = None) -> QWidget:
    """The editor for `field` (choices filled; reference options are filled by the caller)."""
    if field is DIMENSION_FIELD:
        return DimensionEditor(lang, parent)
    from caio_desktop.ui.registers.file_editor import FILE_FIELD, FileEditor  # a per-field editor

    if field is FILE_FIELD:
        return FileEditor(parent)
    kind = field.kind
    if kind == FieldKind.LONG_TEXT:
        return LongTextEditor(parent)
    if kind in (FieldKind.INTEGER, FieldKind.NUMBER):
        return NumberEditor(integer=kind == FieldKind.INTEGER, lang=lang, parent=parent)
    if kind == FieldKind.SCORE:
        return ScoreEditor(parent)
    if kind == FieldKind.PERCENT:
        return PercentEditor(lang=lang, parent=parent)
    if kind == FieldKind.DATE:
        return DateEditor(lang=lang, parent=parent)
    if kind == FieldKind.BOOL:
        return BoolEditor(parent)
    if kind == FieldKind.CHOICE:
        editor = ChoiceEditor(parent)
        enum = ENUMERATIONS[field.choices or ""]
        editor.set_options([(c.code, c.label(lang)) for c in enum.every_choice], allow_empty=not field.required)
        return editor
    if kind == FieldKind.REF:
        from caio_desktop.ui.registers.ref_picker import RefEditor  # it builds on ChoiceEditor, here

        return RefEditor(parent)
    if kind == FieldKind.REFS:
        return RefsEditor(parent)
    if kind == FieldKind.COLOR:
        return ColorEditor(parent)
    return TextEditor(parent)
