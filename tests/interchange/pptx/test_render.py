"""The deck of a hand-built document holding every node: slides, native charts with their series,
native tables continued over slides, speaker notes, text that fits, progress and cancel."""

from __future__ import annotations

import pytest
from pptx.enum.chart import XL_CHART_TYPE

from caio_desktop.interchange.deliverables.context import DeliverableCancelled
from caio_desktop.interchange.deliverables.nodes import Badge, GanttChart, HeatMap, KpiTrend, RadarChart
from caio_desktop.interchange.pptx import render
from tests.interchange.docx.conftest import CountingSteps as Steps
from tests.interchange.pptx.readback import cell_texts, charts, notes, open_deck, overflowing, tables, titles
from tests.interchange.pptx.sample import sample_document


@pytest.fixture
def sample(render_deck):
    document = sample_document()
    path, warnings, steps = render_deck(document)
    return document, open_deck(path), warnings, steps


def _slide(prs, title: str):
    return next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == title)


def _chart(document, kind):
    figures = [f for b in document.blocks() for f in getattr(b, "figures", [b])]
    return next(f.chart for f in figures if isinstance(getattr(f, "chart", None), kind))


def test_title_agenda_and_one_run_of_slides_per_section(sample):
    document, prs, warnings, steps = sample
    assert warnings == []
    names = titles(prs)
    assert names[0] == document.title
    assert names[1] == "Agenda"
    agenda = prs.slides[1].placeholders[1].text_frame.text
    assert [line.split(".", 1)[1].strip() for line in agenda.splitlines()] == [s.title for s in document.sections]
    assert "Top risks (1/2)" in names and "Top risks (2/2)" in names
    assert "Roadmap (1/2)" in names
    subtitle = prs.slides[0].placeholders[1].text_frame.text
    assert document.subtitle in subtitle and document.consultant in subtitle and "16 March 2026" in subtitle
    assert steps.sections == len(document.sections)  # one step a section; step(0) ticks move nothing


def test_key_figures_and_key_messages_share_the_summary_slide(sample):
    document, prs, _, _ = sample
    slide = _slide(prs, "Headlines")
    texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    assert any(t.startswith("42%") and "overall progress" in t for t in texts)
    body = slide.placeholders[1].text_frame.text
    assert "Key message 1: adoption is ahead of plan" in body
    assert "Figures as of 16 March 2026." in notes(slide)  # the Note block


def test_radar_is_a_native_radar_with_current_and_target_series(sample):
    document, prs, _, _ = sample
    radar = _chart(document, RadarChart)
    (chart,) = charts(_slide(prs, "Maturity by pillar"))
    assert chart.chart_type == XL_CHART_TYPE.RADAR_MARKERS
    current, target = chart.plots[0].series
    assert list(chart.plots[0].categories) == [label for label, _, _ in radar.axes]
    assert list(current.values) == [c for _, c, _ in radar.axes]
    assert list(target.values) == [t for _, _, t in radar.axes]
    assert (current.name, target.name) == radar.legend


def test_kpi_trends_are_line_charts_of_the_measurements_and_target(sample):
    document, prs, _, _ = sample
    slide = _slide(prs, "KPI trends")
    found = charts(slide)
    kpis = [f.chart for b in document.blocks() if hasattr(b, "figures") for f in b.figures
            if isinstance(f.chart, KpiTrend) and f.chart.points]
    assert len(found) == len(kpis) == 5
    for chart, kpi in zip(found, kpis, strict=True):
        assert chart.chart_type in (XL_CHART_TYPE.LINE, XL_CHART_TYPE.LINE_MARKERS)  # python-pptx reads
        # the type from the markers, and the target line has none
        measured, target = chart.plots[0].series
        assert list(measured.values) == [v for _, v in kpi.points]
        assert set(target.values) == {kpi.target}
    assert "No measurement yet" in " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert "KPI 1 (%): 1 Jan 2026 26; 1 Feb 2026 31; 1 Mar 2026 36" in notes(slide)  # the figures behind it


def test_quadrant_is_a_scatter_with_a_series_per_colour_and_quadrant_names(sample):
    _, prs, _, _ = sample
    slide = _slide(prs, "Value × feasibility")
    (chart,) = charts(slide)
    assert chart.chart_type == XL_CHART_TYPE.XY_SCATTER
    names = [s.name for s in chart.plots[0].series]
    assert names[:3] == ["Approved", "Proposed", "Idea"]  # then the two split lines
    approved = chart.plots[0].series[0]
    assert list(approved.values) == [4.5, 1.5]
    texts = {s.text_frame.text for s in slide.shapes if s.has_text_frame}
    assert {"Strategic bets", "Quick wins", "Deprioritise", "Low-hanging fruit"} <= texts
    assert "Claims triage" in notes(slide)


def test_gantt_is_a_stacked_bar_chart_over_continuation_slides(sample):
    document, prs, _, _ = sample
    gantt = _chart(document, GanttChart)
    shown = []
    for title in ("Roadmap (1/2)", "Roadmap (2/2)"):
        (chart,) = charts(_slide(prs, title))
        assert chart.chart_type == XL_CHART_TYPE.BAR_STACKED
        start, done, remaining = chart.plots[0].series
        shown += list(chart.plots[0].categories)
        bars = [d for d in done.values if d is not None]
        assert all(v >= 0 for v in bars)
    assert len(shown) == len(gantt.rows)
    assert shown[0] == "PHASE 1"
    first_bar = gantt.rows[1]
    (chart,) = charts(_slide(prs, "Roadmap (1/2)"))
    start, done, remaining = chart.plots[0].series
    assert start.values[1] == (first_bar.start - __import__("datetime").date(1899, 12, 30)).days
    assert done.values[1] + remaining.values[1] == pytest.approx((first_bar.end - first_bar.start).days)
    assert "Today" in notes(_slide(prs, "Roadmap (1/2)"))


def test_heat_maps_are_native_tables_coloured_by_level_with_counts(sample):
    document, prs, _, _ = sample
    heat = _chart(document, HeatMap)
    slide = _slide(prs, "Risk heat maps")
    grids = tables(slide)
    assert len(grids) == 2
    values = cell_texts(grids[0])
    for row in range(5):
        likelihood = 5 - row
        assert values[row][0] == heat.likelihood_labels[likelihood - 1]
        for impact in range(1, 6):
            count = heat.counts[likelihood - 1][impact - 1]
            assert values[row][impact] == (str(count) if count else "")
            fill = grids[0].cell(row, impact).fill.fore_color.rgb
            assert str(fill) == heat.colors[likelihood - 1][impact - 1].lstrip("#").upper()
    assert values[5][1:] == list(heat.impact_labels)


def test_register_is_a_native_table_with_header_colour_badges_and_continuation(render_deck):
    document = sample_document(risks=40)
    path, _, _ = render_deck(document)
    prs = open_deck(path)
    pages = [s for s in prs.slides if s.shapes.title.text.startswith("Top risks (")]
    assert len(pages) >= 3
    assert pages[-1].shapes.title.text == f"Top risks ({len(pages)}/{len(pages)})"
    rows = []
    for slide in pages:
        (table,) = tables(slide)
        values = cell_texts(table)
        assert values[0] == ["Code", "Risk", "Level", "Owner", "Treated"]  # the header on every slide
        assert str(table.cell(0, 0).fill.fore_color.rgb) == document.primary_color.lstrip("#").upper()
        rows += values[1:]
        for r in range(1, len(values)):
            badge = table.cell(r, 2)
            expected = next(c for c in document.sections[4].blocks[2].rows if c[0] == values[r][0])[2]
            assert isinstance(expected, Badge)
            assert str(badge.fill.fore_color.rgb) == expected.color.lstrip("#")
        assert "R-" in notes(slide) and "Code | Risk | Level | Owner | Treated" in notes(slide)
    assert [r[0] for r in rows] == [f"R-{n:03d}" for n in range(1, 41)]
    assert rows[0][1] == "Risk 1: model drift on segment 1\nCybersecurity"  # a Titled cell: two paragraphs
    assert rows[0][4] == "1%"


def test_no_text_overflows_its_box(render_deck):
    for long_text in (False, True):
        path, _, _ = render_deck(sample_document(risks=30, long_text=long_text), f"long-{long_text}.pptx")
        prs = open_deck(path)
        assert overflowing(prs) == []
    names = titles(prs)
    assert "Headlines (1/3)" in names and "Headlines (3/3)" in names  # the long key messages were split


def test_cancel_stops_the_deck(tmp_path):
    with pytest.raises(DeliverableCancelled):
        render(sample_document(), tmp_path / "x.pptx", template=None, steps=Steps(cancel_after=2), warnings=[])


def test_french_words(render_deck):
    path, _, _ = render_deck(sample_document(lang="fr", risks=30))
    names = titles(open_deck(path))
    assert names[1] == "Ordre du jour"
    assert any(n.startswith("Top risks (1/") for n in names)  # the document's words stay: only the deck's change


def test_text_xml_cannot_hold_is_written_as_python_pptx_does(render_deck):
    """Workspace text keeps control characters (an import keeps the client's exact text)."""
    document = sample_document(risks=2)
    rows = document.sections[4].blocks[2].rows
    rows[0][3] = "DSI\x0bRSSI\x01 & <équipe>"
    document.sections[0].blocks[1].items[0] = "Message\x07 with a bell"
    path, _, _ = render_deck(document)
    prs = open_deck(path)
    table = next(t for slide in prs.slides for t in tables(slide) if t.cell(0, 0).text == "Code")
    assert table.cell(1, 3).text == "DSI_x000B_RSSI_x0001_ & <équipe>"
    assert "Message" in prs.slides[2].placeholders[1].text_frame.text
