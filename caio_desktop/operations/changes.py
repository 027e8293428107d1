"""What an operation changed: rows before and after, with a name people recognise in Undo menus."""

from __future__ import annotations

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


@dataclass
class ChangeSet:
    """The rows one named operation changed, in the order it changed them.

    `verb`, `entity` and `label` make the undo text ("Edit risk R-012") in either language;
    `merge_key` lets consecutive edits of the same cell collapse into one undo step.
    """

    verb: str
    module: str
    label: str
    changes: list[RowChange] = field(default_factory=list)
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
        for change in [*self.changes, *later.changes]:
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
