"""Undo and redo: replay a ChangeSet backwards or forwards in one transaction, with an audit entry; and
the history of everyone's changes as the audit trail records them (who, when, what: issue 19)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.recorder import Recorder


def undo(workspace, change: ChangeSet) -> None:  # noqa: ANN001
    """Put every row `change` touched back as it was before it."""
    with workspace.writing() as conn:
        rec = Recorder(conn, f"Undo {change.name}")
        rec.replay(c.inverted() for c in reversed(change.changes))


def redo(workspace, change: ChangeSet) -> None:  # noqa: ANN001
    """Apply `change` again after an undo."""
    with workspace.writing() as conn:
        rec = Recorder(conn, f"Redo {change.name}")
        rec.replay(change.changes)


def run_recorded(workspace, change: ChangeSet, operation) -> ChangeSet:  # noqa: ANN001
    """Run `operation(recorder)` in one transaction and fill `change` with what it recorded.

    Domain operations that touch several rows (an import, a generated checklist) use this so that
    they become a single undo step.
    """
    with workspace.writing() as conn:
        rec = Recorder(conn, change.name)
        result = operation(rec)
        change.changes = rec.changes
        if isinstance(result, list):
            change.row_ids = result
    return change


@dataclass(frozen=True)
class RecordedChange:
    """One operation of the audit trail as the History lists it: when, who, what."""

    at: dt.datetime
    author: str | None  # None: not known (changes recorded before schema 5)
    operation: str  # "Edit risk R-012"
    entries: int  # audit entries (rows touched) the operation wrote


def recorded_changes(workspace, limit: int = 200) -> list[RecordedChange]:  # noqa: ANN001
    """The latest operations of everyone who changed the engagement, newest first: consecutive audit
    entries of one operation by one author (an edit, its cascades) are one line."""
    from sqlalchemy import select

    from caio_desktop.workspace.models import AuditEntry

    t = AuditEntry.__table__
    with workspace.engine.connect() as conn:
        entries = conn.execute(select(t.c.at, t.c.author, t.c.operation).order_by(t.c.id.desc())
                               .limit(limit * 20)).all()
    found: list[RecordedChange] = []
    for at, author, operation in entries:
        last = found[-1] if found else None
        if last is not None and (last.author, last.operation) == (author, operation) and \
                abs((last.at - at).total_seconds()) < 2:
            found[-1] = RecordedChange(last.at, author, operation, last.entries + 1)
            continue
        if len(found) == limit:
            break
        found.append(RecordedChange(at, author, operation, 1))
    return found


_WHOLE_FR = {"Create engagement": "Création de la mission"}


def operation_text(operation: str, lang: str) -> str:
    """An operation as the audit trail names it ("Undo Edit risk R-012", always in English) in `lang`:
    its verbs and the register's entity translated, the row's label kept ("Annuler Modifier risque R-012")."""
    if lang != "fr":
        return operation
    if operation in _WHOLE_FR:
        return _WHOLE_FR[operation]
    from caio_desktop.domain.modules import MODULES
    from caio_desktop.operations.changes import VERBS

    verbs = {english: french for french, english in VERBS.values()}
    words: list[str] = []
    rest = operation
    while True:
        verb, _, after = rest.partition(" ")
        if verb not in verbs:
            break
        words.append(verbs[verb])
        rest = after
    entities = sorted(((m.entity_en, m.entity_fr) for m in MODULES.values() if m.entity_en), key=lambda e: -len(e[0]))
    for english, french in entities:
        if rest == english or rest.startswith(english + " "):
            rest = french + rest[len(english):]
            break
    return " ".join([*words, rest]).strip() if words else operation
