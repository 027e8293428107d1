"""What a comparison of two states of an engagement found, as plain data (no SQL, no Qt).

A `ModuleDiff` lists, for one register, the rows added, removed and changed, matched by their stable id;
a changed row lists each field that differs with its old and new value, both as stored (`old_value`,
`new_value`: codes, ids, ISO dates) and as people read them in the workspace language (`old`, `new`:
labels of choices, labels of referenced rows). The CLI prints it as JSON, the Changes view lists it and
the steering report reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CUSTOM_PREFIX = "custom:"  # field key of a client's own column ("custom:Entité") kept in `custom`


@dataclass(frozen=True)
class FieldChange:
    """One field of a row that differs between the two states."""

    key: str  # the field's key, or CUSTOM_PREFIX + the client's column name
    field: str  # its label in the workspace language
    old: str  # as people read it ("" when empty)
    new: str
    old_value: Any = None  # as stored
    new_value: Any = None

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "key": self.key, "old": self.old, "new": self.new,
                "old_value": self.old_value, "new_value": self.new_value}


@dataclass(frozen=True)
class RowDiff:
    """A row added, removed or changed; only a changed row has `fields`."""

    id: int
    label: str
    fields: tuple[FieldChange, ...] = ()
    changed_by: tuple[str, ...] = ()  # who changed the row between the two states (audit trail, schema 5)

    def change(self, key: str) -> FieldChange | None:
        """The change of field `key`, if that field changed."""
        return next((f for f in self.fields if f.key == key), None)

    def to_json(self, *, with_fields: bool) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": self.id, "label": self.label}
        if self.changed_by:
            entry["changed_by"] = list(self.changed_by)
        if with_fields:
            entry["fields"] = [f.to_json() for f in self.fields]
        return entry


@dataclass(frozen=True)
class ModuleDiff:
    """The differences of one module (register) between two states."""

    module: str  # module key (= table name)
    label: str  # the module's name in the workspace language
    added: tuple[RowDiff, ...] = ()
    removed: tuple[RowDiff, ...] = ()
    changed: tuple[RowDiff, ...] = ()

    @property
    def count(self) -> int:
        return len(self.added) + len(self.removed) + len(self.changed)

    @property
    def empty(self) -> bool:
        return not self.count

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label,
                "added": [r.to_json(with_fields=False) for r in self.added],
                "removed": [r.to_json(with_fields=False) for r in self.removed],
                "changed": [r.to_json(with_fields=True) for r in self.changed]}


@dataclass(frozen=True)
class StateRef:
    """One side of a comparison, as people name it: "now", a baseline or a snapshot."""

    name: str  # "now", "COPIL 3 (2026-11-12)", "2026-03-16 09:12 daily"
    path: Any = None  # the state's file (None: the workspace itself)
    kind: str = "now"  # now | baseline | snapshot


@dataclass(frozen=True)
class Comparison:
    """Everything two states differ by, module by module (modules without change left out)."""

    before: StateRef
    after: StateRef
    modules: tuple[ModuleDiff, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return all(m.empty for m in self.modules)

    def module(self, key: str) -> ModuleDiff | None:
        return next((m for m in self.modules if m.module == key), None)

    def to_json(self) -> dict[str, Any]:
        return {"from": self.before.name, "to": self.after.name,
                "modules": {m.module: m.to_json() for m in self.modules}}
