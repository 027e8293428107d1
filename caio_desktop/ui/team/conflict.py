"""When an edit is refused because someone else changed the same field since it was read.

`edit_row` is how the register table and the detail form write an edit: it passes what they showed
(the row's version and values), and on an EditConflictError shows `ConflictDialog` — each field with
their value and yours, who changed it and when — offering "Reload" (take theirs: the register shows
the row as it is now) or "Overwrite" (write yours on top of their version).

An edit of a row a colleague deleted meanwhile (a RowDeletedError, on a server) is refused with a message
naming who deleted it and when; the pages are told, so the register and the form show it gone. On a
file the LookupError goes to the caller as it always did.

`delete_rows` is how a register deletes on a server: a row someone changed since it was shown is not
deleted unasked; the same dialog lists what changed and offers "Reload" (keep the row) or "Delete
anyway".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caio_desktop.domain.modules import MODULES
from caio_desktop.domain.narrative import NARRATIVE_FIELDS
from caio_desktop.team.conflicts import DeleteConflictError, EditConflictError, RowDeletedError
from caio_desktop.ui.context import AppContext
from caio_desktop.ui.registers.format import format_date, format_value

RELOAD, OVERWRITE = "reload", "overwrite"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


class ConflictDialog(QDialog):
    """Field, their value, your value, who and when; "Reload" or "Overwrite" (Cancel keeps your edit
    unsaved: the register shows the row as it is now)."""

    def __init__(self, error: EditConflictError, lang: str, labels: Mapping[str, Mapping[int, str]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(_tr("Someone else changed this row"))
        self.choice: str | None = None
        mod = MODULES.get(error.module)  # None: a deliverable's narrative (a setting, not a register)
        who, when = _who_when(error.author, error.at, lang)
        heading = _tr("%1 changed %2 since you read it%3.").replace("%1", who).replace(
            "%2", _subject(mod, error, lang)).replace("%3", when)
        layout = QVBoxLayout(self)
        self.heading = QLabel(heading)
        self.heading.setObjectName("conflictHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        deleting = isinstance(error, DeleteConflictError)  # "yours" is then the value you saw
        self.table = QTableWidget(len(error.conflicts), 3)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels([_tr("Field"), _tr("Their value"),
                                              _tr("What you saw") if deleting else _tr("Your value")])
        self.table.setVisible(bool(error.conflicts))  # (a delete that gave only the version it saw)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, conflict in enumerate(error.conflicts):
            field = mod.field(conflict.field) if mod is not None and mod.has_field(conflict.field) else None
            refs = (labels or {}).get(field.ref or "", {}) if field else {}
            texts = (_field_label(field, conflict.field, lang),
                     _shown(field, conflict.theirs, lang, refs), _shown(field, conflict.yours, lang, refs))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(self.table.horizontalHeader().height() + 4 + sum(
            self.table.rowHeight(row) for row in range(self.table.rowCount())))  # no empty space under the rows
        layout.addWidget(self.table)
        hint = QLabel(_tr("Reload keeps the row and shows their version; Delete anyway deletes it, their "
                          "changes with it.") if deleting else
                      _tr("Reload shows their version and drops your edit of these fields; Overwrite "
                          "writes your values over theirs."))
        hint.setWordWrap(True)
        hint.setObjectName("pageSubtitle")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.reload_button = QPushButton(_tr("Reload (keep the row)") if deleting else _tr("Reload (take theirs)"))
        self.overwrite_button = QPushButton(_tr("Delete anyway") if deleting else _tr("Overwrite (keep mine)"))
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.reload_button.clicked.connect(lambda: self._choose(RELOAD))
        self.overwrite_button.clicked.connect(lambda: self._choose(OVERWRITE))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload_button.setDefault(True)
        self.resize(560, 160 + 34 * len(error.conflicts))

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def _row_name(mod: Any, row: Mapping[str, Any]) -> str:
    from caio_desktop.workspace.queries import row_label

    return row_label(mod, dict(row))


def _subject(mod: Any, error: EditConflictError, lang: str) -> str:
    """What was changed: "risk R-012", or a deliverable's narrative ("“Executive summary” (Steering
    committee report)")."""
    if mod is not None:
        return mod.entity(lang) + " " + _row_name(mod, error.current)
    from caio_desktop.interchange.deliverables import deliverable_title

    fields = ", ".join(_field_label(None, c.field, lang) for c in error.conflicts)
    title = deliverable_title(str(error.current.get("kind")), lang)
    return f"« {fields} » ({title})" if lang == "fr" else f"“{fields}” ({title})"


# Columns that are not fields of a form but that a page edits (the engagement's logo), by language
_OTHER_LABELS = {"client_logo": {"fr": "Logo du client", "en": "Client logo"},
                 "classification_facts": {"fr": "Réponses au questionnaire AI Act", "en": "AI Act questionnaire answers"},
                 **{f.key: {"fr": f.label_fr, "en": f.label_en} for f in NARRATIVE_FIELDS}}


def _field_label(field: Any, key: str, lang: str) -> str:
    if field is not None:
        return field.label(lang)
    names = _OTHER_LABELS.get(key)
    return names.get(lang, names["en"]) if names else key


def _shown(field: Any, value: Any, lang: str, refs: Mapping[int, str]) -> str:
    if isinstance(value, bytes | bytearray | memoryview):  # an image: its size says which, not its bytes
        size = f"{max(1, round(len(value) / 1024))}"
        return f"image de {size} Ko" if lang == "fr" else f"image, {size} KB"
    if isinstance(value, Mapping):  # the AI Act answers: those given, not the JSON
        given = [f"{key}: {answer}" for key, answer in value.items() if answer not in (None, False, "", [], {})]
        return "; ".join(given) or "–"
    if field is None:
        return "–" if value is None else str(value)
    return format_value(field, value, lang, refs) or "–"


def deleted_text(error: RowDeletedError, lang: str, shown: Mapping[str, Any]) -> str:
    """"Anne Martin deleted risk R-012, on 03/12/2026 14:02 (UTC); your change was not saved." — the row
    named as it was `shown` (it is gone), who and when from the audit trail when it says."""
    mod = MODULES.get(error.module)
    subject = mod.entity(lang) + (" " + _row_name(mod, shown) if shown else "") if mod else error.module
    who, when = _who_when(error.author, error.at, lang)
    text = _tr("%1 deleted %2%3; your change was not saved.").replace("%1", who).replace(
        "%2", subject).replace("%3", when)
    return text[:1].upper() + text[1:]  # ("another consultant" opens the sentence)


def _who_when(author: str | None, at: dt.datetime | None, lang: str) -> tuple[str, str]:
    """Who ("another consultant" when the audit trail does not say) and ", on 03/12/2026 14:02 (UTC)"
    (empty when it does not say when)."""
    when = format_date(at.date(), lang) + at.strftime(" %H:%M") if at else ""
    return author or _tr("another consultant"), _tr(", on %1 (UTC)").replace("%1", when) if when else ""


class ConflictResolver:
    """Writes an edit for a window, saying what was read; asks the person when someone else's change
    refuses it (dialogs are classmethods: tests replace them)."""

    @classmethod
    def ask(cls, parent: QWidget | None, error: EditConflictError, lang: str,
            labels: Mapping[str, Mapping[int, str]]) -> str | None:
        if parent is None:  # (an edit in a table cell: its model knows no widget)
            from PySide6.QtWidgets import QApplication

            parent = QApplication.activeWindow()
        dialog = ConflictDialog(error, lang, labels, parent)
        dialog.exec()
        return dialog.choice

    @classmethod
    def tell_deleted(cls, parent: QWidget | None, text: str) -> None:
        """Say that the edit was refused because the row is gone (the text from `deleted_text`)."""
        if parent is None:  # (an edit in a table cell)
            from PySide6.QtWidgets import QApplication

            parent = QApplication.activeWindow()
        QMessageBox.warning(parent, _tr("This row was deleted"), text)

    @classmethod
    def edit_row(cls, context: AppContext, parent: QWidget | None, module_key: str, row_id: int,
                 values: Mapping[str, Any], read: Mapping[str, Any]) -> bool:
        """Write `values` on the row as `read` (its values and `row_version` as shown); True when it
        landed (at once, or overwriting after the person chose to). ValidationError and LookupError
        propagate as from `update_row`."""
        from caio_desktop.operations import update_row

        def write(shown: Mapping[str, Any]) -> None:
            context.perform(update_row, module_key, row_id, dict(values), seen={key: shown.get(key) for key in values},
                            seen_version=shown.get("row_version"))

        return cls.write(context, parent, module_key, row_id, write, read)

    @classmethod
    def write(cls, context: AppContext, parent: QWidget | None, module_key: str, row_id: int,
              write: Callable[[Mapping[str, Any]], object], read: Mapping[str, Any]) -> bool:
        """Run `write(read)`, an edit of one row that says it was made on `read` (the row as shown, its
        `row_version` included); on an EditConflictError ask: Overwrite runs `write` again on the row as
        it is now, Reload (or Cancel) tells the pages to show it. True when the edit landed.

        A row deleted since (RowDeletedError) is said on a server, and the pages are told to show it gone;
        on a file the error propagates, as from `update_row`."""
        from caio_desktop.ui.team.refresh import is_team

        try:
            write(read)
            return True
        except RowDeletedError as error:
            if not is_team(context.workspace):
                raise
            # said before the pages forget the row: the message names it as the register showed it
            cls.tell_deleted(parent, deleted_text(error, context.lang, read))
            context.rows_changed.emit({module_key: frozenset((error.row_id,))})
            context.data_changed.emit(frozenset((module_key,)))
            return False
        except EditConflictError as error:
            choice = cls.ask(parent, error, context.lang, _labels(context, error))
            if choice == OVERWRITE:
                return cls.write(context, parent, module_key, row_id, write, error.current)
            # Reload (or cancel): show the row as it is now, their values in place of the edit
            context.rows_changed.emit({module_key: frozenset((error.row_id,))})  # (row_id is 0 for a row shown absent)
            context.data_changed.emit(frozenset((module_key,)))
            return False

    @classmethod
    def delete_rows(cls, context: AppContext, parent: QWidget | None, module_key: str, row_ids: Sequence[int],
                    shown: Mapping[int, Mapping[str, Any]]) -> bool:
        """Delete `row_ids`, saying how each was `shown` (row id → the row as the register showed it, its
        `row_version` included); for each row someone changed since, ask: "Delete anyway" goes on with
        the row as it is now, "Reload" (or Cancel) deletes nothing and tells the pages to show it. True
        when deleted."""
        from caio_desktop.operations import delete_rows

        seen = dict(shown)
        while True:  # one question a changed row: each "Delete anyway" accepts that row as it is now
            try:
                context.perform(delete_rows, module_key, list(row_ids), seen=seen)
                return True
            except LookupError:  # every one deleted by a colleague already: the register shows them gone
                context.rows_changed.emit({module_key: frozenset(row_ids)})
                context.data_changed.emit(frozenset((module_key,)))
                return True
            except DeleteConflictError as error:
                if cls.ask(parent, error, context.lang, _labels(context, error)) != OVERWRITE:
                    context.rows_changed.emit({module_key: frozenset((error.row_id,))})
                    context.data_changed.emit(frozenset((module_key,)))
                    return False
                seen[error.row_id] = error.current


def _labels(context: AppContext, error: EditConflictError) -> dict[str, dict[int, str]]:
    """The labels of the rows the conflicting REF fields point at, both values'."""
    from caio_desktop.workspace import queries

    mod = MODULES.get(error.module)
    if mod is None:  # a narrative: no references
        return {}
    wanted: dict[str, set[int]] = {}
    for conflict in error.conflicts:
        field = mod.field(conflict.field) if mod.has_field(conflict.field) else None
        if field is None or not field.ref:
            continue
        for value in (conflict.theirs, conflict.yours):
            ids = value if isinstance(value, list) else [value]
            wanted.setdefault(field.ref, set()).update(i for i in ids if isinstance(i, int))
    return {key: queries.labels(context.workspace, key, ids, titled=True) for key, ids in wanted.items() if ids}


__all__ = ["OVERWRITE", "RELOAD", "ConflictDialog", "ConflictResolver", "deleted_text"]
