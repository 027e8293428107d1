"""The consultant's words in a deliverable (introduction, executive summary, key messages, next steps),
edited on the Deliverables page for the selected deliverable and language.

Each field is a plain-text editor saved through `operations.narrative.set_narrative` and the app's undo
stack, like any edit: when the editor loses focus, and after a pause in typing (so that nothing typed is
lost if the app is closed meanwhile). The saves of one visit to a field merge into one undo step
("Edit Executive summary"); a visit ends when the field is left (or saved by the page before an export
or a switch of deliverable). An undo or redo puts the stored text back into the editor.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from caio_desktop.domain.narrative import NARRATIVE_FIELDS, NarrativeField
from caio_desktop.ui.context import AppContext

SAVE_PAUSE_MS = 2000  # a pause in typing this long saves the text (still one undo step with the visit)
ERROR_STYLE = "color: #C62828; font-size: 11px;"
_visits = itertools.count(1)  # merge keys of the visits to any field, unique in the process


class NarrativeFieldEdit(QPlainTextEdit):
    """One narrative field; `commit_requested(end_visit)` when the person leaves it (True) or pauses
    typing (False)."""

    commit_requested = Signal(bool)

    def __init__(self, field: NarrativeField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.stored = ""  # the text the workspace holds for this field (stripped, as stored)
        self.visit = next(_visits)
        self.setTabChangesFocus(True)  # Tab goes to the next field, as in a form
        self.setObjectName(f"narrative_{field.key}")
        self._pause = QTimer(self, singleShot=True, interval=SAVE_PAUSE_MS)
        self._pause.timeout.connect(lambda: self.commit_requested.emit(False))
        self._loading = False
        self.textChanged.connect(self._typed)

    def _typed(self) -> None:
        if not self._loading:
            self._pause.start()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        # Qt's hint (about 190 pixels) would push the four fields past the page; extra room, if any, is
        # shared out by the layout's stretch factors.
        return QSize(super().sizeHint().width(), self.minimumHeight())

    @property
    def dirty(self) -> bool:
        """Whether the editor holds text the workspace does not (the stored text is stripped)."""
        return self.toPlainText().strip() != self.stored

    def load(self, text: str) -> None:
        """Show the stored `text` (after a switch of deliverable, an undo, a redo) without saving it."""
        self._pause.stop()
        self.stored = text
        if self.toPlainText().strip() != text:  # equal: leave the cursor where the person is typing
            self._loading = True
            try:
                self.setPlainText(text)
            finally:
                self._loading = False

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.leave()

    def leave(self) -> None:
        """End the visit now (focus left, or the engagement closes): ask for the save the pause would
        have made."""
        self._pause.stop()
        self.commit_requested.emit(True)


class NarrativeEditor(QScrollArea):
    """The narrative fields of one deliverable in one language."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.kind: str | None = None
        self.lang = "fr"
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 8, 4)
        layout.setSpacing(4)
        self.intro = QLabel(wordWrap=True, objectName="pageSubtitle")
        layout.addWidget(self.intro)
        self.editors: dict[str, NarrativeFieldEdit] = {}
        self.captions: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        for field in NARRATIVE_FIELDS:
            caption = QLabel(objectName="sectionTitle")
            hint = QLabel(objectName="pageSubtitle", wordWrap=True)
            editor = NarrativeFieldEdit(field)
            # prose gets more room than a list of a few lines
            editor.setMinimumHeight(80 if field.listed else 100)
            editor.commit_requested.connect(lambda end, key=field.key: self.commit(key, end_visit=end))
            error = QLabel(wordWrap=True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            layout.addSpacing(6)
            layout.addWidget(caption)
            layout.addWidget(hint)
            layout.addWidget(editor, 2 if not field.listed else 1)
            layout.addWidget(error)
            self.captions[field.key], self.hints[field.key] = caption, hint
            self.editors[field.key], self.errors[field.key] = editor, error
        layout.addStretch(0)
        self.setWidget(body)
        context.data_changed.connect(self._data_changed)
        context.workspace_closing.connect(lambda _workspace: self._save_before_closing())
        context.workspace_changed.connect(lambda _workspace: self.reload())
        context.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, *_: object) -> None:
        from caio_desktop.interchange.deliverables import deliverable_title

        lang = self.context.lang
        if self.kind is not None:
            language = "Français" if self.lang == "fr" else "English"
            self.intro.setText(QCoreApplication.translate(
                "DeliverablesPage", "Your words in the %1 (%2). A field left empty is written from the data.")
                .replace("%1", deliverable_title(self.kind, lang)).replace("%2", language))
        for field in NARRATIVE_FIELDS:
            self.captions[field.key].setText(field.label(lang))
            self.hints[field.key].setText(
                QCoreApplication.translate("DeliverablesPage", "One item a line.") if field.listed else "")
            self.hints[field.key].setVisible(field.listed)
            self.editors[field.key].setPlaceholderText(
                QCoreApplication.translate("DeliverablesPage", "Empty: written from the data."))

    # --- target --------------------------------------------------------------------------------------
    def set_target(self, kind: str, lang: str) -> None:
        """Edit the narrative of `kind` in `lang`; what was being typed is saved to the previous one."""
        if (kind, lang) == (self.kind, self.lang):
            return
        self.commit_all()
        self.kind, self.lang = kind, lang
        self.reload()
        self.retranslate()

    def reload(self) -> None:
        """Show what the workspace holds (editors whose text is already stored are left untouched)."""
        workspace = self.context.workspace
        stored: dict[str, str] = {}
        if workspace is not None and self.kind is not None:
            from caio_desktop.operations.narrative import narrative

            stored = narrative(workspace, self.kind, self.lang)
        writable = workspace is not None and not getattr(workspace, "read_only", False)
        from caio_desktop.ui.team.refresh import is_team

        keep_typing = is_team(workspace)  # a colleague's save (the watch) does not wipe what is being typed
        for key, editor in self.editors.items():
            if not (keep_typing and editor.dirty):  # (its save says what it started from: hers is asked then)
                editor.load(stored.get(key, ""))
            editor.setReadOnly(not writable)
            editor.setEnabled(workspace is not None)
            self.errors[key].hide()

    def _data_changed(self, tables: object) -> None:
        if "settings" in tables:  # type: ignore[operator] - a frozenset of table names
            self.reload()

    # --- saving --------------------------------------------------------------------------------------
    def commit_all(self) -> None:
        """Save every field whose text differs from the stored one (before an export or a switch)."""
        for key in self.editors:
            self.commit(key)

    def _save_before_closing(self) -> None:
        """What was typed less than a pause ago, saved before the engagement closes; a file that can no
        longer be written is not the moment to raise (the close goes on, the text is lost as it would be)."""
        from caio_desktop.workspace.errors import WorkspaceError

        try:
            for editor in self.editors.values():
                editor.leave()
        except WorkspaceError:
            pass

    def commit(self, key: str, *, end_visit: bool = True) -> None:
        """Save field `key` as one undo step, merged with the earlier saves of the same visit; unless
        `end_visit` is False (a pause in typing), the next save makes a new step."""
        from caio_desktop.domain.errors import ValidationError
        from caio_desktop.ui.registers.form import reason_text

        editor = self.editors[key]
        merge_key = ("narrative", self.kind, self.lang, key, editor.visit)
        if end_visit:  # even when nothing is left to save: the pause timer may have saved it already
            editor.visit = next(_visits)
        workspace = self.context.workspace
        if workspace is None or self.kind is None or not editor.dirty or editor.isReadOnly():
            return
        text = editor.toPlainText()
        error = self.errors[key]
        # stored is set first: the push below tells this editor (data_changed) to reload, and it must
        # not put back the text it is saving (that would move the cursor of someone typing)
        previous, editor.stored = editor.stored, text.strip()
        from caio_desktop.ui.team.conflict import ConflictResolver
        from caio_desktop.ui.team.refresh import is_team

        kind, lang = self.kind, self.lang

        def write(shown: dict[str, Any]) -> None:  # on a server: the text it replaces, a colleague's asked about
            self.context.perform(_edit_narrative, kind, lang, editor.field, text, merge_key,
                                 seen=shown.get(key, "") if is_team(workspace) else None)

        try:
            if not ConflictResolver.write(self.context, self, "settings", 0, write, {key: previous}):
                return  # theirs kept: the reload the resolver asked for put it in the editor
        except ValidationError as exc:
            editor.stored = previous
            error.setText(reason_text(exc, self.context.lang))
            error.show()
            return
        except Exception:
            editor.stored = previous
            raise
        error.hide()


def _edit_narrative(workspace: Any, kind: str, lang: str, field: NarrativeField, text: str,
                    merge_key: tuple[Any, ...], *, seen: str | None = None) -> Any:
    """set_narrative, named after the field for the Undo menu ("Edit Executive summary")."""
    from caio_desktop.operations.narrative import set_narrative

    change = set_narrative(workspace, kind, lang, field.key, text, seen=seen)
    change.entity_fr, change.entity_en, change.label = field.label_fr, field.label_en, ""
    change.merge_key = merge_key
    return change
