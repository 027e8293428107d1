"""Diagnosis operations: rating a maturity dimension (current and target level) in an assessment."""

from __future__ import annotations

from sqlalchemy import select

from caio_desktop.domain.modules import MODULES
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.recorder import Recorder, table
from caio_desktop.operations.rows import change_row, insert_row


def rate_dimension(
    workspace,  # noqa: ANN001
    assessment_id: int,
    dimension: str,
    *,
    current_level: int,
    target_level: int | None = None,
    evidence: str | None = None,
    comment: str | None = None,
) -> ChangeSet:
    """Set the rating of one dimension in an assessment, creating it on first rating ("Rate data_quality").

    Repeated ratings of the same dimension share a merge key, so nudging a level up and down in the app
    is one undo step.
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
            change_row(rec, mod, row_id, values)
    return ChangeSet("rate", mod.key, dimension, rec.changes, [row_id], ("rate", assessment_id, dimension),
                     mod.entity_fr, mod.entity_en)
