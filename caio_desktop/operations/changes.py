"""What an operation changed: rows before and after, with a name people recognise in Undo menus."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]

VERBS = {
    "add": ("Ajouter", "Add"),
    "edit": ("Modifier", "Edit"),
    "delete": ("Supprimer", "Delete"),
    "duplicate": ("Dupliquer", "Duplicate"),
    "import": ("Importer", "Import"),
    "rate": ("Noter", "Rate"),
    "classify": ("Classer", "Classify"),
    "generate": ("Générer", "Generate"),
    "attach": ("Joindre", "Attach"),
    "detach": ("Retirer", "Remove"),
    "undo": ("Annuler", "Undo"),
    "redo": ("Rétablir", "Redo"),
}


@dataclass(frozen=True)
class RowChange:
    """One row of one table: `before` is None for an insert, `after` is None for a delete."""

    table: str
    row_id: int
    before: Row | None
    after: Row | None

    def inverted(self) -> RowChange:
        return RowChange(self.table, self.row_id, self.after, self.before)

    @property
    def row_ids(self) -> Sequence[int]:
        return (self.row_id,)

    def values_of(self, column: str) -> Iterator[Any]:
        """The non-empty values `column` had before and after."""
        for state in (self.before, self.after):
            if state and state.get(column) is not None:
                yield state[column]

    def row_changes(self) -> Iterator[RowChange]:
        yield self


@dataclass(frozen=True)
class BulkInsert:
    """Many new rows of one table at once (an import), kept column by column: `columns` maps each
    column name (with "id") to the rows' values. One object instead of a RowChange and a dict per row
    keeps a 100,000-row import's undo record cheap to make, and makes its undo one DELETE.

    `removed` is the inverse (undo): the same rows deleted again.
    """

    table: str
    columns: dict[str, Sequence[Any]]
    removed: bool = False

    def inverted(self) -> BulkInsert:
        return BulkInsert(self.table, self.columns, not self.removed)

    @property
    def row_ids(self) -> Sequence[int]:
        return self.columns["id"]

    def values_of(self, column: str) -> Iterator[Any]:
        return (v for v in self.columns.get(column, ()) if v is not None)

    def row_changes(self) -> Iterator[RowChange]:
        """The same change row by row (for merging with another change)."""
        names = list(self.columns)
        for values in zip(*self.columns.values(), strict=True):
            row = dict(zip(names, values, strict=True))
            yield RowChange(self.table, row["id"], row if self.removed else None, None if self.removed else row)


Change = RowChange | BulkInsert


@dataclass
class ChangeSet:
    """The rows one named operation changed, in the order it changed them.

    `verb`, `entity` and `label` make the undo text ("Edit risk R-012") in either language;
    `merge_key` lets consecutive edits of the same cell collapse into one undo step.
    """

    verb: str
    module: str
    label: str
    changes: list[Change] = field(default_factory=list)
    row_ids: list[int] = field(default_factory=list)  # the rows the user acted on (new ids for adds)
    merge_key: tuple[Any, ...] | None = None
    entity_fr: str = ""
    entity_en: str = ""

    def text(self, lang: str = "en") -> str:
        verb_fr, verb_en = VERBS.get(self.verb, (self.verb, self.verb))
        if lang == "fr":
            return " ".join(p for p in (verb_fr, self.entity_fr, self.label) if p)
        return " ".join(p for p in (verb_en, self.entity_en, self.label) if p)

    @property
    def name(self) -> str:
        return self.text("en")

    @property
    def empty(self) -> bool:
        return not self.changes

    def tables(self) -> set[str]:
        return {c.table for c in self.changes}

    def merged_with(self, later: ChangeSet) -> ChangeSet:
        """One ChangeSet doing both: each row keeps its first `before` and its last `after`."""
        first: dict[tuple[str, int], RowChange] = {}
        order: list[tuple[str, int]] = []
        for change in (row for c in [*self.changes, *later.changes] for row in c.row_changes()):
            key = (change.table, change.row_id)
            if key in first:
                first[key] = RowChange(change.table, change.row_id, first[key].before, change.after)
            else:
                first[key] = change
                order.append(key)
        return ChangeSet(
            self.verb, self.module, self.label, [first[k] for k in order], self.row_ids, self.merge_key,
            self.entity_fr, self.entity_en,
        )
