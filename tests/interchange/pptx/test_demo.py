"""The demo engagement's decks (steering committee and diagnosis restitution, French and English):
read back with python-pptx against the workspace's own figures, a long register continued over slides,
and every deck opened and laid out by LibreOffice headless."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
from pptx.enum.chart import XL_CHART_TYPE

from caio_desktop.interchange.deliverables import build_content, export_deliverable
from caio_desktop.interchange.deliverables.nodes import Table
from caio_desktop.interchange.pptx import render
from caio_desktop.operations.narrative import set_narrative
from caio_desktop.operations.rows import create_row
from caio_desktop.reference.maturity import load_maturity_model
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.queries import fetch_rows
from tests.conftest import DEMO_TODAY
from tests.interchange.docx.conftest import CountingSteps as Steps  # the Word tests' progress stand-in
from tests.interchange.pptx.readback import cell_texts, charts, notes, open_deck, overflowing, tables, titles

DECKS = [(kind, lang) for kind in ("steering", "diagnosis") for lang in ("fr", "en")]


@pytest.fixture(scope="module")
def demo_decks(demo_template_fr: Path, demo_template_en: Path, tmp_path_factory: pytest.TempPathFactory):
    """Both decks in both languages, exported once for the module, with their content model and the
    workspace figures the tests compare them with."""
    folder = tmp_path_factory.mktemp("pptx")
    built: dict = {}
    for lang, template in (("fr", demo_template_fr), ("en", demo_template_en)):
        ws = Workspace.open(template, read_only=True)
        try:
            for kind in ("steering", "diagnosis"):
                warnings: list[str] = []
                path = export_deliverable(ws, kind, folder / f"{kind}-{lang}.pptx", fmt="pptx", as_of=DEMO_TODAY,
                                          warnings=warnings)
                built[kind, lang] = (path, build_content(ws, kind, lang=lang, as_of=DEMO_TODAY), warnings)
            built["pillars", lang] = _pillar_means(ws, lang)
            built["kpis", lang] = _kpi_series(ws)
        finally:
            ws.close()
    return built


def _pillar_means(ws, lang: str) -> dict[str, float]:  # noqa: ANN001
    """Mean current level per pillar of the latest assessment, read from the workspace."""
    assessments = [a for a in fetch_rows(ws, "maturity") if a.get("assessed_on") and a["assessed_on"] <= DEMO_TODAY]
    latest = max(assessments, key=lambda a: (a["assessed_on"], a["id"]))
    levels = {r["dimension"]: r["current_level"] for r in fetch_rows(ws, "maturity_ratings")
              if r["assessment_id"] == latest["id"] and r.get("current_level") is not None}
    means: dict[str, float] = {}
    for pillar in load_maturity_model().pillars:
        values = [levels[d.key] for d in pillar.dimensions if d.key in levels]
        if values:
            means[pillar.label(lang)] = sum(values) / len(values)
    return means


def _kpi_series(ws) -> dict[str, list[float]]:  # noqa: ANN001
    """KPI name → its measurements up to the report date, in date order, read from the workspace."""
    names = {k["id"]: k["name"] for k in fetch_rows(ws, "kpis")}
    series: dict[str, list] = defaultdict(list)
    for m in sorted(fetch_rows(ws, "kpi_measurements"), key=lambda m: m["measured_on"]):
        if m["measured_on"] <= DEMO_TODAY and m.get("value") is not None:
            series[names[m["kpi_id"]]].append(float(m["value"]))
    return series


@pytest.mark.parametrize(("kind", "lang"), DECKS)
def test_deck_reads_back(demo_decks, kind, lang):
    path, document, warnings = demo_decks[kind, lang]
    assert warnings == []
    prs = open_deck(path)
    names = titles(prs)
    low, high = (10, 20) if kind == "steering" else (6, 15)
    assert low <= len(prs.slides) <= high, names
    assert names[0] == document.title
    shown = [s.title for s in document.sections if s.in_deck]
    agenda = prs.slides[1].placeholders[1].text_frame.text
    assert [line.split(".", 1)[1].strip() for line in agenda.splitlines()] == shown
    left_out = [s.title for s in document.sections if not s.in_deck]
    assert not any(n.startswith(t) for n in names for t in left_out)  # interview notes stay in the report
    assert all(notes(slide) for slide in prs.slides)  # the figures behind every slide
    assert overflowing(prs) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_radar_series_are_the_workspace_pillar_means(demo_decks, lang):
    path, _, _ = demo_decks["diagnosis", lang]
    radars = [c for slide in open_deck(path).slides for c in charts(slide)
              if c.chart_type == XL_CHART_TYPE.RADAR_MARKERS]
    assert len(radars) == 1
    plot = radars[0].plots[0]
    means = demo_decks["pillars", lang]
    assert list(plot.categories) == list(means)
    assert list(plot.series[0].values) == pytest.approx(list(means.values()))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_kpi_series_are_the_workspace_measurements(demo_decks, lang):
    path, _, _ = demo_decks["steering", lang]
    lines = [c for slide in open_deck(path).slides for c in charts(slide)
             if c.chart_type in (XL_CHART_TYPE.LINE, XL_CHART_TYPE.LINE_MARKERS)]
    expected = demo_decks["kpis", lang]
    assert len(lines) == len([k for k, v in expected.items() if v]) >= 4
    for chart in lines:
        measured = chart.plots[0].series[0]
        name = next(k for k in expected if measured.name.startswith(k))
        assert list(measured.values) == pytest.approx(expected[name])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_top_risks_and_decisions_are_native_tables_of_the_report_rows(demo_decks, lang):
    path, document, _ = demo_decks["steering", lang]
    prs = open_deck(path)
    registers = {b.caption: b for b in document.blocks() if isinstance(b, Table) and b.rows}
    found = {}
    for slide in prs.slides:
        for table in tables(slide):
            values = cell_texts(table)
            for caption, register in registers.items():
                if values[0] == [c.title for c in register.columns]:
                    found.setdefault(caption, []).extend(values[1:])
                    assert values[1][0] in notes(slide)
    for caption, register in registers.items():
        assert [row[0] for row in found[caption]] == [str(row[0]).split("\n")[0] for row in register.rows], caption


def test_long_register_continues_over_slides(workspace, tmp_path):
    """100 risks added through operations: the register's slides continue "(n/N)" with every code once."""
    for n in range(1, 101):
        create_row(workspace, "risks", {"title": f"Risque {n} : dérive du modèle de tarification", "owner": "DSI",
                                        "likelihood": n % 5 + 1, "impact": (n * 3) % 5 + 1})
    document = build_content(workspace, "risks", lang="fr", as_of=DEMO_TODAY)
    path = tmp_path / "register.pptx"
    render(document, path, template=None, steps=Steps(), warnings=[])
    prs = open_deck(path)
    title = next(s.title for s in document.sections if s.key == "risk_register")
    pages = [s for s in prs.slides if s.shapes.title.text.startswith(f"{title} (")]
    assert len(pages) >= 7
    assert pages[-1].shapes.title.text == f"{title} ({len(pages)}/{len(pages)})"
    codes = [row[0] for slide in pages for row in cell_texts(tables(slide)[0])[1:]]
    expected = [r["code"] for r in fetch_rows(workspace, "risks")]
    assert sorted(codes) == sorted(expected) and len(codes) == 100
    assert overflowing(prs) == []
    steering = export_deliverable(workspace, "steering", tmp_path / "copil.pptx", fmt="pptx", as_of=DEMO_TODAY)
    assert 10 <= len(open_deck(steering).slides) <= 20


def test_narrative_edited_in_the_app_is_in_the_deck(demo_workspace, tmp_path):
    set_narrative(demo_workspace, "steering", "fr", "key_messages", "Valider le pilote\nRecruter le Head of AI")
    path = export_deliverable(demo_workspace, "steering", tmp_path / "copil.pptx", fmt="pptx", lang="fr",
                              as_of=DEMO_TODAY)
    text = "\n".join(shape.text_frame.text for slide in open_deck(path).slides for shape in slide.shapes
                     if shape.has_text_frame)
    assert "Valider le pilote" in text and "Recruter le Head of AI" in text


@pytest.mark.parametrize(("kind", "lang"), DECKS)
def test_libreoffice_opens_and_lays_out_every_slide(demo_decks, soffice_to_pdf, kind, lang):
    path, _, _ = demo_decks[kind, lang]
    pdf = soffice_to_pdf(path)
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler) is not installed")
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    prs = open_deck(path)
    assert int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1)) == len(prs.slides)  # a page a slide
    for title in titles(prs):
        assert " ".join(title.split()[:4]) in text, title


