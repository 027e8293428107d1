"""`DetailForm`: every field of one row, an editor per field kind, each finished edit one undo step.

A refused value stays in its editor with the reason in red beside it, so nothing typed is lost; the
form follows undo/redo and edits made elsewhere (the table, another page) through `rows_changed`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.evidence import EVIDENCE_MODULES
from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import MODULES
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.evidence.panel import AttachmentsPanel
from caio_desktop.ui.registers.badges import badge_color, text_on
from caio_desktop.ui.registers.editors import ChoiceEditor, RefsEditor, editor_for
from caio_desktop.ui.registers.format import format_value, row_title
from caio_desktop.ui.registers.links import LinksPanel
from caio_desktop.ui.registers.model import SOURCE_FIELDS
from caio_desktop.ui.registers.ref_picker import RefEditor
from caio_desktop.workspace import queries

ERROR_STYLE = "color: #C62828; font-size: 11px;"


def reason_text(error: ValidationError, lang: str) -> str:
    """The reason of a refused value, as people read it beside the field."""
    if lang != "fr":
        return error.reason[:1].upper() + error.reason[1:]
    known = {
        "is required": "Obligatoire",
        "must be between 1 and 5": "Doit être entre 1 et 5",
        "must be between 0 and 100": "Doit être entre 0 et 100",
        "is not a whole number": "Nombre entier attendu",
        "is not a number": "Nombre attendu",
        "is not a date (expected YYYY-MM-DD)": "Date attendue",
        "must be after the start date": "Doit être après la date de début",
        "is already used by another risk": "Déjà utilisé par un autre risque",
        "is not a colour (expected #RRGGBB)": "Couleur attendue (#RRGGBB)",
    }
    return known.get(error.reason, error.reason)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]  # "AI system", not str.capitalize()'s "Ai system"


class DetailForm(QScrollArea):
    """The editable fields of the selected row of a module."""

    edited = Signal(int)  # row id, after a successful edit

    def __init__(self, context: AppContext, module_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.module = MODULES[module_key]
        self.row_id: int | None = None
        self.row: dict[str, Any] = {}
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("detailForm")
        self._build()
        context.rows_changed.connect(self._on_rows_changed)
        context.language_changed.connect(self._rebuild)
        # a field typed in and not yet left is saved before the engagement closes or another opens (the
        # focus leaving it afterwards would find no engagement: what was typed lost)
        context.workspace_closing.connect(self._save_before_closing)

    # --- building ------------------------------------------------------------------------------------
    def _build(self) -> None:
        lang = self.context.lang
        body = QWidget()
        body.setObjectName("detailBody")
        outer = QVBoxLayout(body)
        outer.setContentsMargins(12, 8, 12, 8)
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # label above its editor
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        layout.setVerticalSpacing(3)
        self.editors, self.errors, self.computed = {}, {}, {}
        self.open_buttons: dict[str, QToolButton] = {}
        for field in self.module.fields:
            label = QLabel(field.label(lang) + (" *" if field.required else ""))
            label.setObjectName("fieldLabel")
            if field.computed:
                value_label = QLabel()
                value_label.setObjectName("computedValue")
                holder = QWidget()
                holder_layout = QHBoxLayout(holder)
                holder_layout.setContentsMargins(0, 0, 0, 0)
                holder_layout.addWidget(value_label)
                holder_layout.addStretch(1)
                self.computed[field.key] = value_label
                layout.addRow(label, holder)
                continue
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(1)
            editor = self._editor_for(field.key, lang) if field.key in SOURCE_FIELDS else editor_for(field, lang)
            editor.setObjectName(f"edit_{field.key}")
            editor.setAccessibleName(field.label(lang))  # a screen reader names the field, not "edit box"
            label.setBuddy(editor)
            editor.committed.connect(lambda key=field.key: self._commit(key))
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            cell_layout.addWidget(self._with_open_button(field, editor) if field.kind == FieldKind.REF
                                  and field.ref else editor)
            cell_layout.addWidget(error)
            self.editors[field.key] = editor
            self.errors[field.key] = error
            layout.addRow(label, cell)
        self.fields_box = QWidget()  # hidden while no row is chosen: no empty, disabled form on show
        self.fields_box.setLayout(layout)
        self.fields_box.layout().setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.fields_box)
        self.links = LinksPanel(self.context, self.module.key)  # rows to follow from this one (issue 22)
        self.links.set_row(self.row_id, self.row)  # (a rebuild, on a change of language, keeps the row)
        outer.addWidget(self.links)
        self.attachments: AttachmentsPanel | None = None
        if self.module.key in EVIDENCE_MODULES:  # the registers an auditor asks proof of (issue 18)
            self.attachments = AttachmentsPanel(self.context, self.module.key)
            for target in (self, self.viewport(), body):  # a file dropped anywhere on the form
                self.attachments.accept_drops_on(target)
            self.attachments.set_row(self.row_id)  # (a rebuild, on a change of language, keeps the row)
            outer.addWidget(self.attachments)
        outer.addStretch(1)
        self.setWidget(body)
        self._fill_refs()
        self._fill()

    def _rebuild(self, *_: object) -> None:
        self._build()

    def _with_open_button(self, field: Any, editor: QWidget) -> QWidget:
        """A reference's editor with "Open" beside it: the row it names, on its page (a risk's AI system)."""
        box = QWidget()
        box_layout = QHBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(4)
        box_layout.addWidget(editor, 1)
        button = QToolButton()
        button.setObjectName(f"open_{field.key}")
        button.setText(self.tr("Open"))
        target = MODULES[field.ref].entity(self.context.lang)
        button.setToolTip(self.tr("Open the linked row (%1)").replace("%1", target))
        button.setAccessibleName(self.tr("Open the linked row (%1)").replace("%1", target))
        button.clicked.connect(lambda _=False, key=field.key: self.open_reference(key))
        box_layout.addWidget(button)
        self.open_buttons[field.key] = button
        return box

    def open_reference(self, key: str) -> None:
        """Show the row the reference field `key` names (on its page, in its form)."""
        field = self.module.field(key)
        target = self.row.get(key)
        if field.ref and target is not None:
            self.context.row_requested.emit(field.ref, int(target))

    @staticmethod
    def _editor_for(key: str, lang: str) -> QWidget:
        """An action's origin is picked by name, as the table shows it: a register, then one of its rows
        (the stored values are a module key and a row id, which mean nothing to a reader)."""
        if key == "source_module":
            editor = ChoiceEditor()
            editor.set_options(sorted(((m.key, m.label(lang)) for m in MODULES.values() if not m.singleton),
                                      key=lambda option: option[1].casefold()))
            return editor
        return RefEditor()

    def _fill_refs(self) -> None:
        # With no row shown the editors are disabled: their options are read when a row is shown, not
        # at page open. A single reference to a long register (100,000 risks for the risk actions'
        # form) searches as one types instead of listing every row (`RefEditor`).
        if self.context.workspace is None or self.row_id is None:
            return
        for field in self.module.fields:
            editor = self.editors.get(field.key)
            if field.kind in (FieldKind.REF, FieldKind.REFS) and field.ref and editor is not None:
                if isinstance(editor, RefEditor):
                    editor.set_source(self.context.workspace, field.ref, allow_empty=not field.required)
                elif isinstance(editor, RefsEditor):
                    labels = queries.labels(self.context.workspace, field.ref)
                    options = sorted(labels.items(), key=lambda kv: kv[1].casefold())
                    self_reference = field.ref == self.module.key  # an initiative cannot depend on itself
                    editor.set_options([(i, label) for i, label in options
                                        if not (self_reference and i == self.row_id)])
        source = self.editors.get("source_id")
        if isinstance(source, RefEditor) and self.row.get("source_module") in MODULES:
            source.set_source(self.context.workspace, self.row["source_module"], allow_empty=True)

    # --- showing a row -------------------------------------------------------------------------------
    def set_row(self, row_id: int | None) -> None:
        """Show (and edit) the row `row_id`; None empties the form."""
        self.row_id = row_id
        self.row = {}
        if row_id is not None and self.context.workspace is not None:
            self.row = queries.get_row(self.context.workspace, self.module.key, row_id) or {}
            if not self.row:
                self.row_id = None
        for label in self.errors.values():
            label.hide()
        self._fill_refs()
        self._fill()
        if self.attachments is not None:
            self.attachments.set_row(self.row_id)
        self.links.set_row(self.row_id, self.row)

    def _fill(self) -> None:
        lang = self.context.lang
        enabled = bool(self.row) and not getattr(self.context.workspace, "read_only", True)
        self.heading.setText(
            f"{_capitalised(self.module.entity(lang))} — {row_title(self.module, self.row, lang, limit=60)}"
            if self.row else self.tr("Select a row to see its details, or add one with “Add”."))
        self.fields_box.setVisible(bool(self.row))
        if getattr(self, "attachments", None) is not None:
            self.attachments.setVisible(bool(self.row))
        for key, editor in self.editors.items():
            editor.set_value(self.row.get(key))
            editor.setEnabled(enabled)
        if "source_id" in self.editors and self.row.get("source_module") not in MODULES:
            self.editors["source_id"].setEnabled(False)  # a row of which register? Choose that first
        for key, button in self.open_buttons.items():
            button.setEnabled(self.row.get(key) is not None)
        for key, label in self.computed.items():
            field = self.module.field(key)
            value = self.row.get(key)
            label.setText(format_value(field, value, lang) or "–")
            color = badge_color(field, value)
            label.setStyleSheet(
                f"background: {color.name()}; color: {text_on(color).name()}; padding: 2px 8px; "
                "border-radius: 8px;" if color else "")

    # --- editing -------------------------------------------------------------------------------------
    def _save_before_closing(self, *_: object) -> None:
        from PySide6.QtWidgets import QApplication

        focus = QApplication.focusWidget()
        for key, editor in self.editors.items():
            if focus is not None and (focus is editor or editor.isAncestorOf(focus)):
                self._commit(key)

    def _commit(self, key: str) -> None:
        if self.row_id is None or self.context.workspace is None:  # (a focus leaving after the close)
            return
        value = self.editors[key].value()
        if value == self.row.get(key) and self.errors[key].isHidden():
            return
        error_label = self.errors[key]
        from caio_desktop.ui.team.conflict import ConflictResolver  # (issue 19: says what the form showed)

        try:
            if not ConflictResolver.edit_row(self.context, self, self.module.key, self.row_id, {key: value},
                                             self.row):
                return  # someone else's change kept: the form shows it
        except ValidationError as error:
            error_label.setText(reason_text(error, self.context.lang))
            error_label.show()
            return
        except LookupError:  # the row was deleted meanwhile (an undo elsewhere): nothing to edit
            self.set_row(None)
            return
        error_label.hide()
        self.edited.emit(self.row_id)

    def show_error(self, error: ValidationError) -> None:
        """Show a refusal that came from elsewhere (a table cell) beside its field."""
        label = self.errors.get(error.field)
        if label is not None:
            label.setText(reason_text(error, self.context.lang))
            label.show()

    def field_editor(self, key: str) -> QWidget:
        return self.editors[key]

    def _on_rows_changed(self, changed: dict[str, frozenset[int]]) -> None:
        if self.row_id is None:
            return
        refs = {f.ref for f in self.module.fields if f.ref} | {self.row.get("source_module")}
        if self.row_id in changed.get(self.module.key, ()) or refs & changed.keys():
            errors = {k: (label.text(), not label.isHidden()) for k, label in self.errors.items()}
            typing = self._edit_in_progress()
            self.set_row(self.row_id)
            for key, (text, visible) in errors.items():  # a refusal stays visible until fixed
                if visible and text:
                    self.errors[key].setText(text)
                    self.errors[key].show()
            for key, value in typing.items():  # (another consultant's change, issue 19: what is typed stays)
                self.editors[key].set_value(value)

    def _edit_in_progress(self) -> dict[str, Any]:
        """The field being typed in (focused, its value not yet the row's): key → the value typed."""
        from PySide6.QtWidgets import QApplication

        focused = QApplication.focusWidget()
        if focused is None:
            return {}
        return {key: editor.value() for key, editor in self.editors.items()
                if (editor is focused or editor.isAncestorOf(focused)) and editor.value() != self.row.get(key)}

