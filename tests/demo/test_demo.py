"""The demo engagement: a full, believable engagement in French or English, at month 4 whenever built."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from caio_desktop.cli import main
from caio_desktop.demo import DAYS_BEFORE_TODAY, build_demo, demo_start
from caio_desktop.demo.content import DemoContentError, localise, raw_content
from caio_desktop.domain.ai_act import SystemFacts, classify
from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import MODULES
from caio_desktop.operations.ai_act import dpia_required
from caio_desktop.reference.maturity import load_maturity_model
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.errors import WorkspaceExistsError, WorkspaceLockedError
from caio_desktop.workspace.queries import counts, fetch_rows
from tests.conftest import DEMO_TODAY

MINIMUM_COUNTS = {
    "maturity": 1, "maturity_ratings": 20, "interviews": 8, "findings": 8, "ai_systems": 15, "objectives": 5,
    "principles": 6, "use_cases": 25, "vendor_criteria": 5, "vendor_options": 4, "vendor_scores": 20,
    "initiatives": 12, "milestones": 8, "kpis": 6, "kpi_measurements": 24, "stakeholders": 20,
    "trainings": 10, "communications": 8, "risks": 30, "risk_actions": 15, "compliance": 40,
    "decisions": 8, "actions": 15, "watch": 8, "team": 6, "deliverables": 2, "phases": 4, "engagement": 1,
}
FRENCH_WORDS = re.compile(r"\b(les|des|une|avec|pour|dans|sur|du|est|sont|aux)\b|[«»]", re.IGNORECASE)
ACCENTS = re.compile(r"[éèêàâçùûôîœ]")


def open_read_only(path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(path, read_only=True)
    try:
        yield workspace
    finally:
        workspace.close()


@pytest.fixture
def fr(demo_file: Path) -> Iterator[Workspace]:
    yield from open_read_only(demo_file)


@pytest.fixture
def en(demo_file_en: Path) -> Iterator[Workspace]:
    yield from open_read_only(demo_file_en)


def texts(workspace: Workspace, module_key: str) -> list[str]:
    """Every free text (TEXT / LONG_TEXT) of a module's rows."""
    mod = MODULES[module_key]
    keys = [f.key for f in mod.fields if f.kind in (FieldKind.TEXT, FieldKind.LONG_TEXT)]
    return [row[k] for row in fetch_rows(workspace, module_key) for k in keys if row.get(k)]


# --- contents -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_module_has_at_least_the_promised_rows(lang: str, request: pytest.FixtureRequest) -> None:
    workspace = request.getfixturevalue(lang)
    found = counts(workspace)
    short = {k: (found[k], n) for k, n in MINIMUM_COUNTS.items() if found[k] < n}
    assert not short, f"module: (found, wanted) {short}"
    assert set(MINIMUM_COUNTS) == set(MODULES), "every module of the registry is filled"
    assert workspace.engagement().language == lang


def test_both_languages_have_the_same_structure_and_numbers(fr: Workspace, en: Workspace) -> None:
    for key, mod in MODULES.items():
        french, english = fetch_rows(fr, key), fetch_rows(en, key)
        assert len(french) == len(english), key
        same = [f.key for f in mod.fields
                if f.kind not in (FieldKind.TEXT, FieldKind.LONG_TEXT) and f.key != "language"]
        for row_fr, row_en in zip(french, english, strict=True):
            assert {k: row_fr[k] for k in same} == {k: row_en[k] for k in same}, (key, row_fr["id"])


def test_the_engagement_row_is_filled(fr: Workspace) -> None:
    engagement = fetch_rows(fr, "engagement")[0]
    assert engagement["client_name"] == "Mutuelle Atlantique Assurances"
    assert engagement["sector"] == "Assurance (IARD, santé, prévoyance)"
    assert engagement["country"] == "France"
    assert engagement["sponsor"].startswith("Hélène Marchand")
    assert "2 400 collaborateurs" in engagement["objectives"]
    assert engagement["consultant_name"] and re.fullmatch(r"#[0-9A-F]{6}", engagement["primary_color"])


def test_every_tier_quadrant_attitude_category_and_framework_occurs(fr: Workspace) -> None:
    def spread(module_key: str, field: str) -> Counter:
        return Counter(row[field] for row in fetch_rows(fr, module_key))

    tiers = spread("ai_systems", "ai_act_tier")
    assert tiers["prohibited"] >= 1 and tiers["high"] >= 3 and tiers["limited"] >= 3
    assert tiers["minimal"] >= 3 and tiers["unclassified"] >= 1
    assert set(spread("use_cases", "quadrant")) == set(ENUMERATIONS["quadrant"].codes)
    assert set(spread("stakeholders", "attitude")) == set(ENUMERATIONS["attitude"].codes)
    assert set(spread("risks", "category")) == set(ENUMERATIONS["risk_category"].codes)
    assert set(spread("risks", "level")) == set(ENUMERATIONS["risk_level"].codes)
    # Sector frameworks (DORA, NIS2, MDR, Machinery) come from the checklist generator when the sector
    # calls for them; the demo's hand-written register covers the four core frameworks.
    core = set(ENUMERATIONS["framework"].codes) - {"dora", "nis2", "mdr", "machinery"}
    assert set(spread("compliance", "framework")) == core
    assert set(spread("compliance", "status")) == set(ENUMERATIONS["compliance_status"].codes)
    assert {"taken", "proposed"} <= set(spread("decisions", "status"))
    assert {"done", "missed", "planned"} <= set(spread("milestones", "status"))


def test_ai_systems_carry_a_consistent_classification(fr: Workspace) -> None:
    systems = fetch_rows(fr, "ai_systems")
    for system in systems:
        assert system["classification_rationale"] and system["ai_act_role"], system["name"]
        assert (system["annex_iii_area"] is not None) == (system["ai_act_tier"] == "high"), system["name"]
    by_name = {s["name"]: s for s in systems}
    assert by_name["Présélection automatique de CV"]["annex_iii_area"] == 4
    assert by_name["Tarification santé individuelle"]["annex_iii_area"] == 5
    assert "5(1)(f)" in by_name["Analyse vocale des émotions (plateau client)"]["classification_rationale"]
    assert any(s["shadow_ai"] for s in systems) and any(s["dpia_required"] for s in systems)
    for system in systems:  # the questionnaire's answers lead the classifier to the stored tier
        if system["ai_act_tier"] == "unclassified":
            assert system["classification_facts"] is None
            continue
        facts = SystemFacts.from_dict(system["classification_facts"])
        result = classify(facts)
        assert (result.tier, facts.role, facts.annex_iii_area) == (
            system["ai_act_tier"], system["ai_act_role"], system["annex_iii_area"]), system["name"]
        if dpia_required(result, system["personal_data"]):  # where the rule says so, a DPIA is planned
            assert system["dpia_required"], system["name"]
    assert any(s["personal_data"] is False for s in systems)


def test_rows_are_linked_to_one_another(fr: Workspace) -> None:
    findings = fetch_rows(fr, "findings")
    assert sum(1 for f in findings if f["interview_id"]) >= 8
    use_cases = fetch_rows(fr, "use_cases")
    assert all(uc["objective_ids"] for uc in use_cases)
    assert sum(1 for uc in use_cases if uc["ai_system_id"]) >= 10
    initiatives = fetch_rows(fr, "initiatives")
    assert sum(1 for i in initiatives if i["depends_on_ids"]) >= 8
    assert sum(1 for i in initiatives if i["use_case_ids"]) >= 8
    assert {i["phase"] for i in initiatives} == set(ENUMERATIONS["phase"].codes)
    risks = fetch_rows(fr, "risks")
    assert sum(1 for r in risks if r["ai_system_id"]) >= 15 and sum(1 for r in risks if r["use_case_id"]) >= 10
    assert all(r["residual_level"] and r["treatment"] and r["owner"] and r["review_date"] for r in risks)
    assert sum(1 for c in fetch_rows(fr, "compliance") if c["ai_system_id"]) >= 20
    sources = Counter(a["source_module"] for a in fetch_rows(fr, "actions") if a["source_module"])
    assert len(sources) >= 4
    for action in fetch_rows(fr, "actions"):  # each source points at a real row of its module
        if action["source_module"]:
            source_ids = {r["id"] for r in fetch_rows(fr, action["source_module"])}
            assert action["source_id"] in source_ids, action["title"]


def test_maturity_rates_every_dimension_of_the_reference_model(fr: Workspace) -> None:
    ratings = fetch_rows(fr, "maturity_ratings")
    assert sorted(r["dimension"] for r in ratings) == sorted(d.key for d in load_maturity_model().dimensions)
    assert all(r["target_level"] >= r["current_level"] and r["evidence"] and r["comment"] for r in ratings)


def test_vendor_matrix_is_complete_and_selects_the_best_option(fr: Workspace) -> None:
    criteria = fetch_rows(fr, "vendor_criteria")
    assert all(c["weight"] > 0 for c in criteria)
    scored = Counter(s["option_id"] for s in fetch_rows(fr, "vendor_scores"))
    options = fetch_rows(fr, "vendor_options")
    assert all(scored[o["id"]] == len(criteria) for o in options)
    selected = [o for o in options if o["selected"]]
    assert len(selected) == 1
    assert selected[0]["weighted_score"] == max(o["weighted_score"] for o in options) == 4.05


def test_kpis_have_dated_measurements_that_move(fr: Workspace) -> None:
    measurements = fetch_rows(fr, "kpi_measurements", order_by="measured_on")
    for kpi in fetch_rows(fr, "kpis"):
        values = [m["value"] for m in measurements if m["kpi_id"] == kpi["id"]]
        assert 4 <= len(values) <= 6, kpi["name"]
        moved = values[-1] - values[0]
        assert moved < 0 if kpi["direction"] == "decrease" else moved > 0, kpi["name"]


def test_trainings_held_have_attendees_and_planned_ones_do_not(fr: Workspace) -> None:
    trainings = fetch_rows(fr, "trainings")
    held = [t for t in trainings if t["held_on"] < DEMO_TODAY]
    planned = [t for t in trainings if t["held_on"] > DEMO_TODAY]
    assert len(held) >= 4 and len(planned) >= 4
    assert all(0 < t["actual_attendees"] <= t["planned_attendees"] for t in held)
    assert all(t["actual_attendees"] is None for t in planned)


# --- languages and Unicode ------------------------------------------------------------------------------
def test_french_text_is_proper_french(fr: Workspace) -> None:
    for module_key in ("ai_systems", "use_cases", "risks", "compliance", "findings", "interviews"):
        found = texts(fr, module_key)
        assert sum(1 for t in found if ACCENTS.search(t)) >= len(found) // 3, module_key
    assert any("«" in t and "»" in t for t in texts(fr, "risks"))
    assert any("€" in t for t in texts(fr, "objectives"))
    assert fetch_rows(fr, "phases")[0]["title"] == "Diagnostic"


def test_english_text_has_no_french_left(en: Workspace) -> None:
    people = [r["name"] for key in ("team", "stakeholders") for r in fetch_rows(en, key)]
    names = {"Léa", *re.findall(r"\w+", " ".join(people))}  # accents are fine in proper names only
    for module_key, mod in MODULES.items():
        for text in texts(en, module_key):
            assert not FRENCH_WORDS.search(text), f"{mod.key}: {text!r}"
            accented = {w for w in re.findall(r"\w+", text) if ACCENTS.search(w)}
            assert accented <= names, f"{mod.key}: {text!r}"
    systems = {s["name"]: s for s in fetch_rows(en, "ai_systems")}
    assert systems["Automated CV screening"]["department"] == "Human resources"
    assert fetch_rows(en, "engagement")[0]["sector"] == "Insurance (P&C, health, protection)"
    assert [p["title"] for p in fetch_rows(en, "phases")] == ["Diagnosis", "Strategy", "Deployment", "Handover"]
    assert fetch_rows(en, "kpis")[0]["unit"] == "days"


def test_unicode_names_and_an_emoji_survive(fr: Workspace, en: Workspace) -> None:
    for workspace in (fr, en):
        assert any("Skärgård" in (s["vendor"] or "") for s in fetch_rows(workspace, "ai_systems"))
        assert any(s["name"] == "Björn Åkesson" for s in fetch_rows(workspace, "stakeholders"))
        assert any("🚀" in c["message"] for c in fetch_rows(workspace, "communications"))


def test_every_text_of_the_content_files_exists_in_both_languages() -> None:
    def walk(node: object, where: str) -> Iterator[tuple[str, dict]]:
        if isinstance(node, dict) and set(node) & {"fr", "en"}:
            yield where, node
        elif isinstance(node, dict):
            for key, value in node.items():
                yield from walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, f"{where}[{index}]")

    bilingual = list(walk(raw_content(), "demo"))
    assert len(bilingual) > 600
    for where, text in bilingual:
        assert set(text) == {"fr", "en"}, where
        assert text["fr"].strip() and text["en"].strip() and text["fr"] != text["en"], where
    with pytest.raises(DemoContentError, match=r"demo content risks\[0\]\.title: the text has no en"):
        localise({"fr": "Risque"}, "en", "risks[0].title")


# --- dates: always month 4 --------------------------------------------------------------------------------
def test_the_demo_stands_at_month_4_of_12_on_today(fr: Workspace) -> None:
    engagement = fr.engagement()
    elapsed = (DEMO_TODAY - engagement.start_date).days / 30.44
    assert 3 < elapsed < 4
    assert engagement.start_date == demo_start(DEMO_TODAY)
    assert 11.9 < (engagement.end_date - engagement.start_date).days / 30.44 < 12.1
    phases = {p.phase: p for p in fr.phases()}
    assert phases["diagnosis"].status == "done" and phases["diagnosis"].end_date < DEMO_TODAY
    strategy = phases["strategy"]
    assert strategy.status == "in_progress" and strategy.start_date < DEMO_TODAY < strategy.end_date
    assert 0 < strategy.progress < 100
    for later in ("deployment", "handover"):
        assert phases[later].status == "not_started" and phases[later].start_date > DEMO_TODAY


def test_statuses_agree_with_today(fr: Workspace) -> None:
    actions = fetch_rows(fr, "actions")
    overdue = [a for a in actions if a["due_date"] < DEMO_TODAY and a["status"] in ("open", "in_progress")]
    assert len(overdue) >= 3
    assert any(a["due_date"] > DEMO_TODAY for a in actions)
    for milestone in fetch_rows(fr, "milestones"):
        if milestone["status"] == "done":
            assert milestone["done_on"] <= DEMO_TODAY
        elif milestone["status"] == "planned":
            assert milestone["due_date"] > DEMO_TODAY
        else:
            assert milestone["due_date"] < DEMO_TODAY
    decisions = fetch_rows(fr, "decisions")
    assert all(d["decided_on"] > DEMO_TODAY for d in decisions if d["status"] == "proposed")
    assert all(d["decided_on"] <= DEMO_TODAY for d in decisions if d["status"] != "proposed")
    assert all(m["measured_on"] < DEMO_TODAY for m in fetch_rows(fr, "kpi_measurements"))
    assert all(d["issued_on"] < DEMO_TODAY for d in fetch_rows(fr, "deliverables"))
    for module_key, field in (("interviews", "interviewed_on"), ("trainings", "held_on"),
                              ("decisions", "decided_on"), ("actions", "due_date")):
        assert all(r[field].weekday() < 5 for r in fetch_rows(fr, module_key)), module_key


def test_another_day_shifts_every_date_and_keeps_month_4(fr: Workspace, tmp_path: Path) -> None:
    later = DEMO_TODAY + dt.timedelta(days=300)
    path = build_demo(tmp_path / "later.caio", lang="fr", today=later)
    with Workspace.open(path, read_only=True) as moved:
        assert moved.engagement().start_date == demo_start(later)
        assert (later - moved.engagement().start_date).days in range(DAYS_BEFORE_TODAY - 2, DAYS_BEFORE_TODAY + 1)
        shift = moved.engagement().start_date - fr.engagement().start_date
        for before, after in zip(fetch_rows(fr, "actions"), fetch_rows(moved, "actions"), strict=True):
            assert abs((after["due_date"] - before["due_date"]) - shift) <= dt.timedelta(days=2)
            assert (after["due_date"] < later) == (before["due_date"] < DEMO_TODAY), before["title"]


# --- the file ----------------------------------------------------------------------------------------------
def test_an_existing_file_is_refused_and_left_untouched(demo_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "mine.caio"
    other.write_bytes(b"the consultant's own notes")
    with pytest.raises(WorkspaceExistsError, match="already exists"):
        build_demo(other, lang="en", today=DEMO_TODAY)
    assert other.read_bytes() == b"the consultant's own notes"
    with Workspace.open(demo_file), pytest.raises(WorkspaceLockedError):
        build_demo(demo_file, lang="en", today=DEMO_TODAY, overwrite=True)
    with Workspace.open(demo_file, read_only=True) as still:
        assert still.engagement().language == "fr"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.caio", "mine.caio"]


def test_overwrite_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "old.caio"
    path.write_text("stale")
    build_demo(path, lang="en", today=DEMO_TODAY, overwrite=True)
    with Workspace.open(path, read_only=True) as workspace:
        assert counts(workspace)["risks"] == 30
    # (and the record of its last verified state, workspace/soundness.py: no temporary file is left)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.caio", "old.snapshots"]
    assert [p.name for p in (tmp_path / "old.snapshots").iterdir()] == ["verified.json"]


@pytest.mark.parametrize(("change", "message"), [
    ({"likelihood": 9}, r"risks\[0\]: risks\.likelihood = 9: must be between 1 and 5"),
    ({"ai_system_id": "chatbot"}, r"risks\[0\]: no ai_systems row with key 'chatbot'"),
    ({"review_date": "2026-01-01"}, r"risks\[0\]: dates are days after the start, not '2026-01-01'"),
    ({"severity": "high"}, r"risks\[0\]: risks has no field 'severity'"),
])
def test_bad_content_fails_loudly_and_leaves_no_file(change: dict, message: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from caio_desktop.demo import builder

    original = builder.content

    def broken(lang: str) -> dict:
        rows = original(lang)
        rows["risks"] = [{**rows["risks"][0], **change}]
        return rows

    monkeypatch.setattr(builder, "content", broken)
    with pytest.raises(DemoContentError, match=message):
        build_demo(tmp_path / "demo.caio", lang="fr", today=DEMO_TODAY)
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_language_is_refused_before_any_file_is_made(tmp_path: Path) -> None:
    with pytest.raises(DemoContentError, match="not 'de'"):
        build_demo(tmp_path / "demo.caio", lang="de", today=DEMO_TODAY)
    assert list(tmp_path.iterdir()) == []


# --- command line --------------------------------------------------------------------------------------
def test_caio_demo_creates_the_file_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    path = tmp_path / "demo.caio"
    assert main(["demo", str(path), "--lang", "en", "--today", DEMO_TODAY.isoformat()]) == 0
    assert f"created {path}" in capsys.readouterr().out
    assert main(["info", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["engagement"]["client"] == "Mutuelle Atlantique Assurances"
    assert info["engagement"]["language"] == "en"
    assert info["engagement"]["start"] == demo_start(DEMO_TODAY).isoformat()
    assert all(info["counts"][k] >= n for k, n in MINIMUM_COUNTS.items())
    before = path.read_bytes()
    assert main(["demo", str(path)]) == 1
    error = capsys.readouterr().err
    assert "already exists" in error and "--force" in error
    assert path.read_bytes() == before
    assert main(["demo", str(tmp_path / "demo.txt")]) == 1
    assert "must end in .caio" in capsys.readouterr().err


def test_caio_demo_force_replaces_the_file_in_a_subprocess(tmp_path: Path) -> None:
    path = tmp_path / "demo.caio"
    shutil.copyfile(Path(__file__), path)  # anything at all: --force replaces it
    result = subprocess.run([sys.executable, "-m", "caio_desktop.cli", "demo", str(path), "--force"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert main(["check", str(path)]) == 0
    result = subprocess.run([sys.executable, "-m", "caio_desktop.cli", "demo", str(path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "use --force to replace it" in result.stderr
