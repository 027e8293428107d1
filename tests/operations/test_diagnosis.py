"""Rating maturity dimensions: create on first rating, update after, refuse unknown dimensions."""

from __future__ import annotations

import pytest

from caio_desktop.domain.errors import ValidationError
from caio_desktop.operations import create_row, undo
from caio_desktop.operations.diagnosis import rate_dimension
from caio_desktop.reference.maturity import load_maturity_model
from caio_desktop.workspace.queries import fetch_rows


def test_rate_then_rerate_then_undo(workspace) -> None:
    assessment = create_row(workspace, "maturity", {"title": "Diagnostic initial",
                                                    "assessed_on": "2026-02-01"}).row_ids[0]
    dimension = load_maturity_model().dimensions[0].key
    first = rate_dimension(workspace, assessment, dimension, current_level=2, target_level=4,
                           evidence="Entretiens DSI")
    second = rate_dimension(workspace, assessment, dimension, current_level=3)
    ratings = fetch_rows(workspace, "maturity_ratings")
    assert len(ratings) == 1
    assert (ratings[0]["current_level"], ratings[0]["target_level"], ratings[0]["evidence"]) == (
        3, None, "Entretiens DSI")
    assert first.merge_key == second.merge_key
    undo(workspace, second)
    assert fetch_rows(workspace, "maturity_ratings")[0]["target_level"] == 4
    undo(workspace, first)
    assert fetch_rows(workspace, "maturity_ratings") == []


def test_unknown_dimension_and_level_are_refused(workspace) -> None:
    assessment = create_row(workspace, "maturity", {"title": "D", "assessed_on": "2026-02-01"}).row_ids[0]
    with pytest.raises(ValidationError, match="not a dimension"):
        rate_dimension(workspace, assessment, "astrology", current_level=2)
    with pytest.raises(ValidationError, match="between 1 and 5"):
        rate_dimension(workspace, assessment, load_maturity_model().dimensions[0].key, current_level=6)
