"""Survey forms as respondents get them (protected, drop-downs, hidden identifiers), filled with openpyxl
as in Excel, imported: the aggregates checked against figures computed here, each broken file refused
with its own reason while the others are imported, nothing of a refused file stored."""

from __future__ import annotations

import csv
import math
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from caio_desktop.interchange.surveys import form as layout
from caio_desktop.interchange.surveys.form import generate_form
from caio_desktop.interchange.surveys.importing import import_forms
from caio_desktop.interchange.surveys.results import campaign_results
from caio_desktop.operations import undo
from caio_desktop.operations.diagnosis import rate_dimension
from caio_desktop.operations.rows import create_row
from caio_desktop.reference.maturity import load_maturity_model
from caio_desktop.workspace import Workspace
from caio_desktop.workspace import surveys as survey_reads
from tests.interchange.surveys.fill import choice_label, fill

DIMS = ["ai_vision", "use_case_portfolio", "data_quality"]  # two pillars: strategy_value, data


def _sample_sd(values: list[float]) -> float:
    mean = sum(values) / len(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return float(ordered[middle]) if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


@pytest.fixture
def maturity_form(workspace, tmp_path: Path) -> Path:
    out = tmp_path / "questionnaire.xlsx"
    generate_form(workspace, out, kind="maturity", lang="en", campaign="Wave 1", dimensions=DIMS, invited=12)
    return out


def test_the_form_is_protected_but_for_the_answers_with_drop_downs_and_hidden_identifiers(workspace, maturity_form):
    wb = openpyxl.load_workbook(maturity_form)
    assert wb.sheetnames == ["Instructions", "Questions", "Lists", layout.META_SHEET]
    assert wb["Lists"].sheet_state == "hidden" and wb[layout.META_SHEET].sheet_state == "veryHidden"
    assert wb.security.lockStructure
    sheet = wb["Questions"]
    assert sheet.protection.sheet
    headers = [sheet.cell(row=layout.HEADER_ROW, column=c).value for c in range(1, 5)]
    assert headers == ["Code", "Question", "Answer", "Comment"]
    codes = [sheet.cell(row=r, column=1).value for r in range(layout.FIRST_QUESTION_ROW, layout.FIRST_QUESTION_ROW + 3)]
    assert codes == DIMS
    first = layout.FIRST_QUESTION_ROW
    assert sheet.cell(row=first, column=layout.CODE_COL).protection.locked
    assert sheet.cell(row=first, column=layout.QUESTION_COL).protection.locked
    assert not sheet.cell(row=first, column=layout.ANSWER_COL).protection.locked
    assert not sheet.cell(row=first, column=layout.COMMENT_COL).protection.locked
    assert not sheet.cell(*layout.DEPARTMENT_CELL).protection.locked
    rules = [dv for dv in sheet.data_validations.dataValidation if f"C{first}" in dv.sqref]
    assert len(rules) == 1 and rules[0].type == "list" and rules[0].showErrorMessage
    model = load_maturity_model()
    labels = [choice_label(maturity_form, "ai_vision", i) for i in range(6)]
    assert labels[2] == f"3 — Defined: {model.dimension('ai_vision').level_descriptor(3, 'en')}"
    assert labels[5] == "I don't know"
    meta = {r[0].value: r[1].value for r in wb[layout.META_SHEET].iter_rows(min_row=1, max_col=2)}
    campaign = survey_reads.campaign(workspace, name="Wave 1")
    assert meta["campaign"] == campaign["token"] and meta["form_version"] == "1" and meta["kind"] == "maturity"
    assert meta["questions"] == ",".join(DIMS) and meta["engagement"]


def test_a_french_form_names_its_sheet_reponses(workspace, tmp_path):
    generate_form(workspace, tmp_path / "f.xlsx", kind="usage", lang="fr")
    wb = openpyxl.load_workbook(tmp_path / "f.xlsx")
    assert "Réponses" in wb.sheetnames and wb["Réponses"].cell(row=layout.HEADER_ROW, column=3).value == "Réponse"


def test_filled_forms_are_imported_and_aggregated_as_computed_by_hand(workspace, maturity_form, tmp_path):
    assessment = create_row(workspace, "maturity", {"title": "Consultant", "assessed_on": "2026-03-01"}).row_ids[0]
    rate_dimension(workspace, assessment, "ai_vision", current_level=2, target_level=4)
    rate_dimension(workspace, assessment, "data_quality", current_level=3)
    people = [  # department, role, ai_vision, use_case_portfolio, data_quality
        ("Claims", "Manager", 2, 3, 1), ("Claims", "Staff member", 3, None, 2), ("Claims", "Manager", 4, 4, 2),
        ("Claims", "Manager", 1, 2, 5), ("Claims", "Executive", 5, 5, 4), ("IT", "Manager", 2, 2, 3),
        ("IT", "Manager", 3, "dont", 3),
    ]
    files = []
    for i, (dept, role, vision, portfolio, quality) in enumerate(people):
        answers = {"ai_vision": choice_label(maturity_form, "ai_vision", vision - 1),  # picked in the drop-down
                   "data_quality": quality}  # typed as a number
        if portfolio == "dont":
            answers["use_case_portfolio"] = "I don't know"
        elif portfolio is not None:
            answers["use_case_portfolio"] = choice_label(maturity_form, "use_case_portfolio", portfolio - 1)
        files.append(fill(maturity_form, tmp_path / f"r{i}.xlsx", answers=answers, department=dept, role=role,
                          name=f"Person {i}", comments={"ai_vision": "no written plan"} if i == 0 else None))
    report = import_forms(workspace, files)
    assert [o.message for o in report.outcomes] == ["imported"] * 7
    campaign = survey_reads.campaign(workspace, name="Wave 1")
    results = campaign_results(workspace, campaign["id"])
    assert results.respondents == 7 and results.rate == pytest.approx(100 * 7 / 12)
    rows = {r.key: r for r in results.rows}
    vision = [2, 3, 4, 1, 5, 2, 3]
    s = rows["ai_vision"].stats
    assert (s.n, s.minimum, s.maximum) == (7, 1, 5)
    assert s.mean == pytest.approx(sum(vision) / 7) and s.median == _median(vision)
    assert s.sd == pytest.approx(_sample_sd(vision)) and s.counts == (1, 2, 2, 1, 1)
    assert rows["ai_vision"].consultant == 2 and rows["data_quality"].consultant == 3
    assert rows["use_case_portfolio"].stats.n == 5  # one left it empty, one did not know
    # A pillar's figure is over respondents: each person's mean of the pillar's dimensions they rated.
    strategy = [(2 + 3) / 2, 3, (4 + 4) / 2, (1 + 2) / 2, (5 + 5) / 2, (2 + 2) / 2, 3]
    p = rows["strategy_value"].stats
    assert rows["strategy_value"].is_pillar and p.n == 7
    assert p.mean == pytest.approx(sum(strategy) / 7) and p.sd == pytest.approx(_sample_sd(strategy))
    assert p.median == _median(strategy) and rows["strategy_value"].consultant == 2
    # By department: Claims has 5 (shown), IT 2 (hidden: no pool of 5 to join).
    departments = results.by_department
    assert [(g.group, g.n) for g in departments.rows] == [("Claims", 5)] and departments.hidden == 2
    claims_quality = [1, 2, 2, 5, 4]
    assert departments.rows[0].pillars["data"].mean == pytest.approx(sum(claims_quality) / 5)
    assert results.by_role.rows == [] or all(g.n >= 5 for g in results.by_role.rows)
    assert [(g.group, g.n) for g in results.by_role.rows] == [("manager", 5)]
    stored = survey_reads.respondents(workspace, [campaign["id"]])
    assert stored[0]["name"] == "Person 0" and stored[0]["answers"]["ai_vision"]["comment"] == "no written plan"
    assert stored[0]["role"] == "manager" and stored[1]["role"] == "staff"
    assert stored[6]["answers"]["use_case_portfolio"]["value"] == "dont_know"
    undo(workspace, report.change)  # the whole import is one undo step
    assert survey_reads.respondents(workspace) == []


def _other_engagement_form(tmp_path: Path) -> Path:
    import datetime as dt

    other = Workspace.create(tmp_path / "other.caio", client="Autre", language="en", start=dt.date(2026, 1, 5))
    try:
        generate_form(other, tmp_path / "other-form.xlsx", kind="maturity", lang="en", campaign="Wave 1",
                      dimensions=DIMS)
    finally:
        other.close()
    return fill(tmp_path / "other-form.xlsx", tmp_path / "other-engagement.xlsx", answers={"ai_vision": 3})


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_each_broken_file_gets_its_reason_and_the_others_are_imported(workspace, maturity_form, tmp_path):
    good = [fill(maturity_form, tmp_path / f"good{i}.xlsx", answers={"ai_vision": i + 1, "data_quality": 2},
                 department="Claims") for i in range(3)]
    twice = shutil.copyfile(good[0], tmp_path / "good0-again.xlsx")
    out_of_range = fill(maturity_form, tmp_path / "seven.xlsx", answers={"ai_vision": 7, "data_quality": "great"})
    generate_form(workspace, tmp_path / "wave2.xlsx", kind="maturity", lang="en", campaign="Wave 2", dimensions=DIMS)
    wave2 = fill(tmp_path / "wave2.xlsx", tmp_path / "wave2-filled.xlsx", answers={"ai_vision": 2})
    renamed = fill(maturity_form, tmp_path / "renamed.xlsx", answers={"ai_vision": 2})
    wb = openpyxl.load_workbook(renamed)
    wb["Questions"].title = "My answers"
    wb.save(renamed)
    as_csv = tmp_path / "saved.csv"
    with as_csv.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(list(openpyxl.load_workbook(good[1])["Questions"].values))
    not_a_form = tmp_path / "budget.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "Budget"
    book.save(not_a_form)
    other = _other_engagement_form(tmp_path)
    files = [good[0], twice, out_of_range, wave2, renamed, as_csv, not_a_form, other, maturity_form, good[1], good[2]]
    report = import_forms(workspace, files, campaign="Wave 1")
    said = {o.path.name: o.message for o in report.outcomes}
    assert said["good0.xlsx"] == said["good1.xlsx"] == said["good2.xlsx"] == "imported"
    assert said["good0-again.xlsx"].startswith("was already imported (good0.xlsx, in this import)")
    assert "answers out of range" in said["seven.xlsx"] and "'7' is not a level from 1 to 5" in said["seven.xlsx"]
    assert "'great' is not a level from 1 to 5" in said["seven.xlsx"]
    assert said["wave2-filled.xlsx"] == "is a form of campaign 'Wave 2', not of 'Wave 1'"
    assert said["renamed.xlsx"].startswith("has no sheet 'Questions': it was renamed or removed (sheets now: ")
    assert "My answers" in said["renamed.xlsx"]
    assert said["saved.csv"].startswith("was saved as CSV")
    assert said["budget.xlsx"].startswith("is not a CAIO survey form")
    assert said["other-engagement.xlsx"].startswith("is a form of another engagement")
    assert said["questionnaire.xlsx"] == "has no answers (an empty form)"
    stored = survey_reads.respondents(workspace)
    assert [r["source_file"] for r in stored] == ["good0.xlsx", "good1.xlsx", "good2.xlsx"]  # nothing half imported
    assert sum(len(r["answers"]) for r in stored) == 6
    again = import_forms(workspace, [good[1]])  # a second import of the same file
    assert again.outcomes[0].message.startswith("was already imported (good1.xlsx on ")
    assert again.change is not None and again.change.empty


def test_a_form_from_another_campaign_without_a_campaign_named_is_imported_into_its_own(workspace, tmp_path):
    generate_form(workspace, tmp_path / "a.xlsx", kind="maturity", lang="en", campaign="A", dimensions=DIMS)
    generate_form(workspace, tmp_path / "b.xlsx", kind="usage", lang="en", campaign="B")
    report = import_forms(workspace, [fill(tmp_path / "a.xlsx", tmp_path / "a1.xlsx", answers={"data_quality": 4}),
                                      fill(tmp_path / "b.xlsx", tmp_path / "b1.xlsx", answers={"TRAINING": "Yes"})])
    assert [o.message for o in report.outcomes] == ["imported", "imported"]
    counts = {c["name"]: c["respondents"] for c in survey_reads.campaigns(workspace)}
    assert counts == {"A": 1, "B": 1}


def test_the_same_named_person_twice_is_refused_and_an_anonymous_survey_keeps_no_name(workspace, tmp_path):
    generate_form(workspace, tmp_path / "named.xlsx", kind="maturity", lang="en", campaign="Named", dimensions=DIMS)
    first = fill(tmp_path / "named.xlsx", tmp_path / "n1.xlsx", answers={"ai_vision": 2}, name="Jeanne Martin")
    second = fill(tmp_path / "named.xlsx", tmp_path / "n2.xlsx", answers={"ai_vision": 4}, name="jeanne martin")
    said = [o.message for o in import_forms(workspace, [first, second]).outcomes]
    assert said[0] == "imported" and said[1].startswith("jeanne martin already answered this campaign (n1.xlsx")
    generate_form(workspace, tmp_path / "anon.xlsx", kind="maturity", lang="en", campaign="Anon", dimensions=DIMS,
                  anonymous=True)
    wb = openpyxl.load_workbook(tmp_path / "anon.xlsx")
    assert wb["Questions"].cell(*layout.NAME_CELL).protection.locked  # nowhere to write a name
    typed = fill(tmp_path / "anon.xlsx", tmp_path / "a1.xlsx", answers={"ai_vision": 3}, name="Typed Anyway")
    assert import_forms(workspace, [typed], campaign="Anon").outcomes[0].message == "imported"
    anon = survey_reads.campaign(workspace, name="Anon")
    assert [r["name"] for r in survey_reads.respondents(workspace, [anon["id"]])] == [None]


@pytest.mark.skipif(_soffice() is None, reason="LibreOffice is not installed")
def test_a_form_saved_as_ods_is_read_or_refused_with_its_reason(workspace, maturity_form, tmp_path):
    filled = fill(maturity_form, tmp_path / "ods-source.xlsx", answers={"ai_vision": 4}, department="Claims")
    subprocess.run([_soffice(), "--headless", "--convert-to", "ods", "--outdir", str(tmp_path), str(filled)],
                   check=True, capture_output=True, timeout=120)
    ods = tmp_path / "ods-source.ods"
    message = import_forms(workspace, [ods]).outcomes[0].message
    # LibreOffice keeps a very hidden sheet as a hidden one: the form is read, and said to be an ODS copy.
    assert message.startswith("imported; saved as ODS") or message.startswith("was saved as ODS and lost")
