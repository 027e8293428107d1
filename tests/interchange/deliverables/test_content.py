"""The content model of the five deliverables: what each says, in both languages, with the consultant's
narrative where they wrote one and generated sentences where they did not."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from caio_desktop.interchange.deliverables import DELIVERABLE_KINDS, build_content, export_deliverable, nodes
from caio_desktop.operations.history import undo
from caio_desktop.operations.narrative import narrative, set_narrative
from tests.conftest import DEMO_TODAY


def _texts(document: nodes.Document) -> list[str]:
    out: list[str] = []
    for block in document.blocks():
        if isinstance(block, nodes.Paragraph | nodes.Heading):
            out.append(block.text)
        elif isinstance(block, nodes.Bullets):
            out.extend(block.items)
    return out


@pytest.mark.parametrize("kind", list(DELIVERABLE_KINDS))
def test_every_deliverable_is_sections_of_well_formed_blocks(demo_workspace, kind: str) -> None:
    document = build_content(demo_workspace, kind, as_of=DEMO_TODAY)
    assert document.title == DELIVERABLE_KINDS[kind][0] and document.lang == "fr"
    assert document.client == "Mutuelle Atlantique Assurances"
    assert len(document.sections) >= 4 and all(s.title and s.blocks for s in document.sections)
    for block in document.blocks():
        if isinstance(block, nodes.Table):  # every row fills every column
            assert all(len(row) == len(block.columns) for row in block.rows), block.caption
            assert block.empty_text == "Aucun élément à ce jour."
    assert len(document.cover_meta) == 6


def test_english_content_speaks_english(demo_file_en) -> None:
    from caio_desktop.workspace import Workspace

    with Workspace.open(demo_file_en) as ws:
        document = build_content(ws, "steering", as_of=DEMO_TODAY)
    assert [s.title for s in document.sections] == [
        "Headlines", "Since the last committee", "Milestones", "KPI trends", "Top risks", "Decisions to take",
        "Next steps"]


def test_charts_carry_the_workspace_figures(demo_workspace) -> None:
    from caio_desktop.workspace.queries import fetch_rows

    document = build_content(demo_workspace, "risks", as_of=DEMO_TODAY)
    grids = [b for b in document.blocks() if isinstance(b, nodes.FigureGrid)]
    current = grids[0].figures[0].chart
    assert isinstance(current, nodes.HeatMap)
    risks = fetch_rows(demo_workspace, "risks")
    rated = [r for r in risks if r.get("likelihood") and r.get("impact")]
    assert sum(map(sum, current.counts)) == len(rated)
    first = rated[0]
    assert current.counts[first["likelihood"] - 1][first["impact"] - 1] >= 1


def test_the_consultants_words_replace_the_generated_ones(demo_workspace) -> None:
    generated = build_content(demo_workspace, "steering", as_of=DEMO_TODAY)
    headline = generated.sections[0].blocks
    assert not any(getattr(b, "narrative", False) for b in headline)  # nothing written yet: generated bullets

    set_narrative(demo_workspace, "steering", "fr", "executive_summary", "Le pilote tient ses délais.\n\nLe budget aussi.")
    set_narrative(demo_workspace, "steering", "fr", "key_messages", "• Valider le pilote\n- Recruter le Head of AI\n\n")
    change = set_narrative(demo_workspace, "steering", "fr", "next_steps", "Lancer l'appel d'offres")
    document = build_content(demo_workspace, "steering", as_of=DEMO_TODAY)
    texts = _texts(document)
    assert "Le pilote tient ses délais." in texts and "Le budget aussi." in texts
    bullets = [b for b in document.sections[0].blocks if isinstance(b, nodes.Bullets)]
    assert bullets[0].items == ["Valider le pilote", "Recruter le Head of AI"] and bullets[0].narrative
    assert document.sections[-1].blocks[0].items == ["Lancer l'appel d'offres"]
    # the English narrative is another text: the French one does not leak into it
    assert "Le pilote tient ses délais." not in _texts(build_content(demo_workspace, "steering", lang="en",
                                                                     as_of=DEMO_TODAY))
    undo(demo_workspace, change)
    assert "next_steps" not in narrative(demo_workspace, "steering", "fr")
    assert build_content(demo_workspace, "steering", as_of=DEMO_TODAY).sections[-1].blocks[0].narrative is False


def test_narrative_reaches_the_pdf(demo_workspace, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; make test installs it")
    set_narrative(demo_workspace, "diagnosis", "fr", "introduction", "Une mission menée avec la DSI et la DPO.")
    out = export_deliverable(demo_workspace, "diagnosis", tmp_path / "diag.pdf", as_of=DEMO_TODAY)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Une mission menée avec la DSI et la DPO." in text


def test_a_narrative_too_long_or_of_an_unknown_field_is_refused(demo_workspace) -> None:
    from caio_desktop.domain.errors import ValidationError

    with pytest.raises(ValueError, match="unknown narrative field 'budget'"):
        set_narrative(demo_workspace, "steering", "fr", "budget", "x")
    with pytest.raises(ValidationError, match="at most 20,000"):
        set_narrative(demo_workspace, "steering", "fr", "introduction", "x" * 20_001)
    with pytest.raises(ValueError, match="unknown deliverable 'memo'"):
        set_narrative(demo_workspace, "memo", "fr", "introduction", "x")
