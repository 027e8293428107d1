"""The compliance register of a deliverable marks citations still to be confirmed and says so in a footnote."""

from __future__ import annotations

import datetime as dt

import pytest

from caio_desktop.interchange.deliverables.context import DeliverableContext
from caio_desktop.interchange.deliverables.nodes import Paragraph, Table
from caio_desktop.interchange.deliverables.risks import compliance
from caio_desktop.operations import create_row


def _blocks(workspace, lang: str) -> list:
    ctx = DeliverableContext(workspace=workspace, kind="risks", lang=lang, as_of=dt.date(2026, 12, 3), title="R")
    return compliance(ctx)


@pytest.mark.parametrize(("lang", "words"), [("fr", "à confirmer au Journal officiel"),
                                             ("en", "To be confirmed against the Official Journal")])
def test_unverified_citation_is_marked_with_a_footnote(workspace, lang: str, words: str) -> None:
    create_row(workspace, "compliance", {"framework": "ai_act", "reference": "Art. 26(2)", "requirement": "Supervision",
                                         "custom": {"obligation_key": "ai_act:hr_assign_oversight",
                                                    "reference_verification": "unverified"}})
    create_row(workspace, "compliance", {"framework": "iso42001", "reference": "A.6.2.4", "requirement": "V&V"})
    blocks = _blocks(workspace, lang)
    cells = [row[0] for block in blocks if isinstance(block, Table) for row in block.rows]
    assert "Art. 26(2) †" in cells and "A.6.2.4" in cells
    footnote = blocks[-1]
    assert isinstance(footnote, Paragraph) and footnote.style == "small"
    assert footnote.text.startswith("† ") and words in footnote.text


def test_no_footnote_without_unverified_citations(workspace) -> None:
    create_row(workspace, "compliance", {"framework": "iso42001", "reference": "A.6.2.4", "requirement": "V&V"})
    assert not any(isinstance(b, Paragraph) and "†" in b.text for b in _blocks(workspace, "en"))
