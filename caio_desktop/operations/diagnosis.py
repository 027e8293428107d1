"""Diagnosis operations: rating a maturity dimension (current and target level) in an assessment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from caio_desktop.domain.modules import MODULES
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.recorder import Recorder, table
from caio_desktop.operations.rows import change_row, insert_row
from caio_desktop.team.conflicts import check_edit, locked_row


def rate_dimension(
    workspace,  # noqa: ANN001
    assessment_id: int,
    dimension: str,
    *,
    current_level: int,
    target_level: int | None = None,
    evidence: str | None = None,
    comment: str | None = None,
    seen: Mapping[str, Any] | None = None,
    seen_version: int | None = None,
) -> ChangeSet:
    """Set the rating of one dimension in an assessment, creating it on first rating ("Rate data_quality").

    Repeated ratings of the same dimension share a merge key, so nudging a level up and down in the app
    is one undo step.

    `seen` and `seen_version` say what the rating view showed, as `update_row` takes them: the levels
    and the `row_version` of the rating, or `{}` and 0 for a dimension it showed unrated. A level a
    colleague set since (team mode: rated too, or changed) is refused with an EditConflictError instead
    of being overwritten. Without `seen_version` nothing is checked (a script's rating).
    """
    mod = MODULES["maturity_ratings"]
    values = {"current_level": current_level, "target_level": target_level}
    if evidence is not None:
        values["evidence"] = evidence
    if comment is not None:
        values["comment"] = comment
    ratings = table("maturity_ratings")
    with workspace.writing() as conn:
        rec = Recorder(conn, f"Rate {dimension}")
        existing = conn.execute(select(ratings.c.id).where(
            ratings.c.assessment_id == assessment_id, ratings.c.dimension == dimension)).scalar()
        if existing is None:
            row_id = insert_row(rec, mod, {"assessment_id": assessment_id, "dimension": dimension, **values})
        else:
            row_id = existing
            stored = locked_row(conn, mod.key, row_id) or {}
            if seen_version is not None and stored.get("row_version") != seen_version:
                # A level this rating leaves as it was shown (the target, when the current level was
                # clicked) is not its to write: a colleague's change of it stays. Nothing left: all asked.
                values = {key: value for key, value in values.items()
                          if not (key in (seen or {}) and (seen or {})[key] == value)} or values
                check_edit(conn, mod.key, row_id, values, stored, seen=seen, seen_version=seen_version)
            change_row(rec, mod, row_id, values)
    return ChangeSet("rate", mod.key, dimension, rec.changes, [row_id], ("rate", assessment_id, dimension),
                     mod.entity_fr, mod.entity_en)
