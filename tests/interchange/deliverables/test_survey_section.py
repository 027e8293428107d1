"""The staff survey section of the diagnosis report: "no survey yet" without responses; the response
rate, a distribution table per pillar and the shadow-AI findings with them; in the PDF, no group (the
campaign, a department, a tool's users) of fewer than five respondents shown."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from caio_desktop.interchange.deliverables import build_content, export_deliverable
from caio_desktop.interchange.deliverables.nodes import Figure, Paragraph, RadarChart, Table
from caio_desktop.interchange.surveys.form import generate_form
from caio_desktop.interchange.surveys.importing import import_forms
from caio_desktop.operations.diagnosis import rate_dimension
from caio_desktop.operations.rows import create_row
from tests.interchange.surveys.fill import fill

DIMS = ["ai_vision", "use_case_portfolio", "data_quality", "data_governance", "ai_literacy", "ai_policy_accountability"]


def _section(workspace, lang: str = "en"):
    document = build_content(workspace, "diagnosis", lang=lang)
    return next(s for s in document.sections if s.key == "survey_results")


def _pdf_text(workspace, path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; make test installs it")
    out = export_deliverable(workspace, "diagnosis", path, lang="en")
    return subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout


def _maturity(workspace, tmp_path: Path, people: list[tuple[str, dict[str, int]]]) -> None:
    form = tmp_path / "maturity.xlsx"
    generate_form(workspace, form, kind="maturity", lang="en", campaign="Wave 1", dimensions=DIMS, invited=20)
    files = [fill(form, tmp_path / f"m{i}.xlsx", name=f"Person {i}", department=dept, answers=answers)
             for i, (dept, answers) in enumerate(people)]
    assert all(o.imported for o in import_forms(workspace, files).outcomes)


def test_without_responses_the_section_says_no_survey_yet(workspace, tmp_path):
    section = _section(workspace)
    assert section.title == "Staff surveys"
    assert [b.text for b in section.blocks] == ["No staff survey yet."]
    generate_form(workspace, tmp_path / "blank.xlsx", kind="usage", lang="en")
    assert [b.text for b in _section(workspace).blocks] == ["No staff survey yet."]  # a campaign, no response


def test_the_section_holds_the_rate_a_table_per_pillar_and_the_radar(workspace, tmp_path):
    assessment = create_row(workspace, "maturity", {"title": "Consultant", "assessed_on": "2026-03-01"}).row_ids[0]
    rate_dimension(workspace, assessment, "ai_vision", current_level=2)
    levels = [1, 2, 2, 4, 5, 3]
    _maturity(workspace, tmp_path, [("Claims", {d: level for d in DIMS}) for level in levels])
    blocks = _section(workspace).blocks
    assert blocks[1].text == ("Maturity questionnaire: 6 respondents out of 20 people invited, a response rate "
                              "of 30%.")
    radar = next(b for b in blocks if isinstance(b, Figure))
    assert isinstance(radar.chart, RadarChart) and len(radar.chart.axes) == 4
    assert radar.chart.axes[0][1] == pytest.approx(sum(levels) / 6) and radar.chart.axes[0][2] == 2
    tables = [b for b in blocks if isinstance(b, Table)]
    assert tables[0].caption == "Distribution of answers — Strategy & value"
    assert blocks[blocks.index(tables[0]) - 1].text == tables[0].caption  # a heading: the PDF prints no caption
    vision = tables[0].rows[0]
    assert vision[:7] == ["AI vision & ambition", "1", "2", "1", "1", "1", "6"]  # answers of 1, 2, 3, 4, 5 and n
    assert vision[7:] == ["2.8", "2.5", "1–5", "1.5", "2.0"]  # mean 17/6, median, range, sample SD, consultant
    assert any(isinstance(b, Paragraph) and b.text.startswith("Views diverge most on:") for b in blocks)


def test_the_pdf_never_shows_a_group_of_fewer_than_five(workspace, tmp_path):
    _maturity(workspace, tmp_path, [("Claims", {"ai_vision": 2}), ("Claims", {"ai_vision": 4}),
                                    ("Internal audit", {"ai_vision": 5})])
    text = _pdf_text(workspace, tmp_path / "three.pdf")
    assert "3 response(s) so far: results are only shown from 5 respondents" in " ".join(text.split())
    assert "Distribution of answers" not in text and "Internal audit" not in text
    more = [fill(tmp_path / "maturity.xlsx", tmp_path / f"more{i}.xlsx", name=f"Other {i}", department="Claims",
                 answers={"ai_vision": 1 + i, "data_quality": 3}) for i in range(4)]
    assert all(o.imported for o in import_forms(workspace, more).outcomes)
    usage = tmp_path / "usage.xlsx"
    generate_form(workspace, usage, kind="usage", lang="en", campaign="Usage")
    users = [fill(usage, tmp_path / f"u{i}.xlsx", department="Claims", answers={
        "T1_NAME": ["Chat GPT", "chatgpt", "ChatGPT Plus", "chat-gpt", "ChatGPT"][i],
        "T1_APPROVED": "No, a personal account or tool", "T1_PERSONAL_DATA": "Yes" if i < 2 else "No",
        **({"T2_NAME": "Otter.ai"} if i == 0 else {}), "TRAINING": "Yes"}) for i in range(5)]
    assert all(o.imported for o in import_forms(workspace, users).outcomes)
    text = " ".join(_pdf_text(workspace, tmp_path / "seven.pdf").split())
    assert "Maturity questionnaire: 7 respondents out of 20 people invited" in text
    assert "Distribution of answers — Strategy & value" in text
    assert "By department" in text and "Claims" in text
    assert "Internal audit" not in text  # one person: neither a row nor a pool of five
    assert "1 respondent(s) in groups of fewer than 5 are not broken down." in text
    assert "AI tools in use (shadow AI)" in text and "ChatGPT" in text
    section = _section(workspace)
    shadow = next(b for b in section.blocks if isinstance(b, Table) and b.caption == "AI tools in use (shadow AI)")
    assert shadow.rows[0] == ["ChatGPT", "5", "5", "2", "0", "0"]
    assert not any("Otter" in str(cell) for row in shadow.rows for cell in row)  # one user: among the others
    # The inventory lists the candidate system, but not who (department) nor what they said of it.
    inventory = next(s for s in build_content(workspace, "diagnosis", lang="en").sections if s.key == "ai_inventory")
    otter = next(row for row in inventory.blocks[0].rows if row[0] == "Otter.ai")
    assert otter[2] == "" and otter[4] == "" and otter[5] == ""
    assert "1 other tool(s), each named by fewer than 5 people" in text
    assert "5 of 5 respondents want training in the use of AI (AI Act Art. 4)." in text
