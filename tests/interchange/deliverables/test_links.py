"""The deliverables that list AI systems show what each carries (issue 22): the inventory of the
diagnosis its risks by code under each name, the risk register and the handover pack a table of the
systems with their use cases and risks — in French and in English, as a reader of the PDF or the Word
file sees them."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from caio_desktop.interchange.deliverables import export_deliverable
from caio_desktop.interchange.deliverables.context import DeliverableContext
from caio_desktop.interchange.deliverables.links import system_links, systems_table
from caio_desktop.operations import create_row
from caio_desktop.workspace.queries import fetch_rows
from tests.conftest import DEMO_TODAY
from tests.interchange.docx.readback import all_paragraphs, open_docx


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; make test installs it")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def test_each_system_carries_its_risks_by_code_and_its_use_cases(demo_workspace) -> None:  # noqa: ANN001
    ctx = DeliverableContext(workspace=demo_workspace, kind="risks", lang="fr", as_of=DEMO_TODAY, title="R")
    chatgpt = next(s["id"] for s in fetch_rows(demo_workspace, "ai_systems")
                   if s["name"] == "ChatGPT (comptes personnels)")
    assert system_links(ctx)[chatgpt] == (["R-011"], ["IA générative interne, alternative à ChatGPT"])


def test_no_system_carrying_anything_means_no_table(workspace) -> None:  # noqa: ANN001
    create_row(workspace, "ai_systems", {"name": "Seul"})
    ctx = DeliverableContext(workspace=workspace, kind="risks", lang="fr", as_of=dt.date(2026, 3, 1), title="R")
    assert systems_table(ctx) == []


def test_the_diagnosis_inventory_shows_each_systems_risks(demo_workspace, tmp_path: Path) -> None:  # noqa: ANN001
    text = pdf_text(export_deliverable(demo_workspace, "diagnosis", tmp_path / "d.pdf", as_of=DEMO_TODAY))
    assert "Risques : R-003, R-007, R-022, R-029" in text
    assert "Risques : R-011" in text


@pytest.mark.parametrize(("lang", "heading", "use_case"), [
    ("fr", "Systèmes d'IA : cas d'usage et risques liés", "IA générative interne, alternative à ChatGPT"),
    ("en", "AI systems: linked use cases and risks", None),
])
def test_the_risk_register_pdf_lists_systems_with_their_links(demo_workspace, tmp_path: Path, lang: str,  # noqa: ANN001
                                                              heading: str, use_case: str | None) -> None:
    text = pdf_text(export_deliverable(demo_workspace, "risks", tmp_path / "r.pdf", lang=lang, as_of=DEMO_TODAY))
    assert heading in text
    assert "R-003, R-007, R-022, R-029" in text
    if use_case:
        assert use_case in text


def test_the_handover_word_file_lists_systems_with_their_risks(demo_file_en: Path, tmp_path: Path) -> None:
    from caio_desktop.workspace import Workspace

    with Workspace.open(demo_file_en) as workspace:
        path = export_deliverable(workspace, "handover", tmp_path / "h.docx", fmt="docx", as_of=DEMO_TODAY)
    text = " ".join(p.text for p in all_paragraphs(open_docx(path)))
    assert "AI systems: linked use cases and risks" in text
    assert "Linked risks" in text and "R-011" in text
