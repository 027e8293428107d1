"""The steering report's "Since the last committee": from the latest baseline when one was marked,
from the audit trail otherwise; what a committee reads in the PDF."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from caio_desktop.interchange.deliverables import build_content, export_deliverable, nodes
from caio_desktop.operations import create_row, update_row
from caio_desktop.reference.risk_matrix import load_risk_matrix
from caio_desktop.workspace.baselines import mark_baseline
from caio_desktop.workspace.queries import fetch_rows

TODAY = dt.date.today()


def _section(document: nodes.Document) -> nodes.Section:
    return next(s for s in document.sections if s.key == "since_last_committee")


def _tables(section: nodes.Section) -> dict[str, nodes.Table]:
    return {b.caption: b for b in section.blocks if isinstance(b, nodes.Table)}


def _rerate_three_and_add_two(ws) -> list[dict]:  # noqa: ANN001
    risks = sorted(fetch_rows(ws, "risks"), key=lambda r: r["id"])[:3]
    for risk in risks:  # up to the top of the matrix: critical
        update_row(ws, "risks", risk["id"], {"likelihood": 5, "impact": 5})
    create_row(ws, "risks", {"title": "Fuite de prompts vers un outil non approuvé", "likelihood": 4, "impact": 4})
    create_row(ws, "risks", {"title": "Biais du modèle de tarification", "likelihood": 2, "impact": 3})
    return risks


def test_a_baseline_gives_exactly_what_moved_since(demo_workspace) -> None:
    mark_baseline(demo_workspace, name="COPIL 3", date=TODAY - dt.timedelta(days=1))
    assert _section(build_content(demo_workspace, "steering", as_of=TODAY)).blocks[1].text == \
        "Aucune évolution depuis le dernier comité."
    before = {r["id"]: r["level"] for r in fetch_rows(demo_workspace, "risks")}
    rerated = _rerate_three_and_add_two(demo_workspace)
    section = _section(build_content(demo_workspace, "steering", as_of=TODAY))
    assert section.blocks[0].text.startswith("Évolutions depuis « COPIL 3 » du")
    tables = _tables(section)
    assert sorted(row[1] for row in tables["Nouveaux risques"].rows) == [
        "Biais du modèle de tarification", "Fuite de prompts vers un outil non approuvé"]
    matrix = load_risk_matrix()
    changed = {r["code"]: matrix.level(before[r["id"]]).label("fr") for r in rerated if before[r["id"]] != "critical"}
    assert changed, "the demo's first risks are not all critical already"
    rows = tables["Risques réévalués"].rows
    assert {row[0]: str(row[2]) for row in rows} == changed  # each re-rated risk with its level at the committee
    assert all(row[3] == "↑" and str(row[4]) == matrix.level("critical").label("fr") for row in rows)


def test_the_steering_pdf_says_what_changed(demo_workspace, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; make test installs it")
    mark_baseline(demo_workspace, name="COPIL de novembre", date=TODAY - dt.timedelta(days=1))
    _rerate_three_and_add_two(demo_workspace)
    out = export_deliverable(demo_workspace, "steering", tmp_path / "copil.pdf", as_of=TODAY)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Depuis le dernier comité" in flat and "COPIL de novembre" in flat
    assert "Nouveaux risques" in flat and "Fuite de prompts vers un outil non approuvé" in flat
    assert "Risques réévalués" in flat and "↑" in text


def test_without_a_baseline_the_audit_trail_tells_the_story(workspace) -> None:
    create_row(workspace, "risks", {"title": "Hallucinations du chatbot", "likelihood": 3, "impact": 4})
    section = _section(build_content(workspace, "steering", as_of=TODAY))
    assert "Aucun comité de pilotage antérieur" in section.blocks[0].text
    assert [row[1] for row in _tables(section)["Nouveaux risques"].rows] == ["Hallucinations du chatbot"]


def test_a_baseline_whose_snapshot_is_gone_is_said_and_the_history_used(demo_workspace) -> None:
    baseline = mark_baseline(demo_workspace, name="COPIL 2", date=TODAY - dt.timedelta(days=1))
    baseline.snapshot.unlink()
    section = _section(build_content(demo_workspace, "steering", as_of=TODAY))
    assert section.blocks[1].text.startswith("La comparaison avec la dernière référence a échoué (")
    assert "COPIL 2" in section.blocks[1].text
