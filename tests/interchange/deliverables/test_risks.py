"""Ordering in the risk & compliance register: risks by level, requirements in their natural order."""

from __future__ import annotations

import datetime as dt

from caio_desktop.interchange.deliverables.context import DeliverableContext
from caio_desktop.interchange.deliverables.risks import natural_key, sorted_risks
from caio_desktop.operations import create_row


def test_requirements_sort_in_natural_order() -> None:
    refs = ["Art. 11", "Art. 4", "Art. 26(1)", "Art. 5(1)(f)", "Art. 50(2)", "Art. 9", "A.10.3", "A.5.2"]
    assert sorted(refs, key=natural_key) == ["A.5.2", "A.10.3", "Art. 4", "Art. 5(1)(f)", "Art. 9", "Art. 11",
                                             "Art. 26(1)", "Art. 50(2)"]


def test_register_lists_the_highest_levels_first(workspace) -> None:
    for title, li, im in (("Faible", 1, 2), ("Critique", 5, 5), ("Élevé", 4, 3), ("Élevé plus probable", 5, 3)):
        create_row(workspace, "risks", {"title": title, "likelihood": li, "impact": im})
    ctx = DeliverableContext(workspace=workspace, kind="risks", lang="fr", as_of=dt.date(2026, 3, 1), title="R")
    assert [r["title"] for r in sorted_risks(ctx)] == ["Critique", "Élevé plus probable", "Élevé", "Faible"]
