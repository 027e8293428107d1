"""The maturity radar: one spoke per rated dimension (or pillar), current vs target, refresh and undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt

from caio_desktop.operations import create_row, undo
from caio_desktop.operations.diagnosis import rate_dimension
from caio_desktop.reference.maturity import load_maturity_model
from caio_desktop.ui.charts.radar import DimensionRating, MaturityRadar
from tests.ui.charts.conftest import pixel, sql

MODEL = load_maturity_model()


def all_rated() -> list[DimensionRating]:
    return [DimensionRating(d.key, 1 + i % 3, 3 + i % 3) for i, d in enumerate(MODEL.dimensions)]


def test_one_point_per_rated_dimension_in_model_order(qtbot) -> None:
    chart = MaturityRadar(lang="fr")
    qtbot.addWidget(chart)
    chart.resize(800, 600)
    ratings = all_rated()
    chart.set_data(reversed(ratings))
    layout = chart.chart_layout()
    assert len(layout.current_points) == len(MODEL.dimensions) == len(layout.target_points)
    assert [a.key for a in layout.axes] == [d.key for d in MODEL.dimensions]
    assert layout.axes[0].label == MODEL.dimensions[0].label("fr")
    # Level 5 sits on the outer ring, level 1 at a fifth of the radius.
    first = layout.axes[0]
    distance = layout.centre.y() - layout.current_points[0].y()
    assert distance == pytest.approx(layout.radius * first.current / 5)


def test_pillar_mode_averages_rated_dimensions(qtbot) -> None:
    chart = MaturityRadar(lang="en", by_pillar=True)
    qtbot.addWidget(chart)
    data = MODEL.pillar("data").dimensions
    strategy = MODEL.pillar("strategy_value").dimensions
    governance = MODEL.pillar("governance_ethics").dimensions
    chart.set_data([DimensionRating(data[0].key, 1, 4), DimensionRating(data[1].key, 2, 4),
                    DimensionRating(strategy[0].key, 3, None), DimensionRating(governance[0].key, 4, 5)])
    axes = chart.axes()
    assert [a.key for a in axes] == ["strategy_value", "data", "governance_ethics"]
    assert axes[1].current == 1.5 and axes[1].target == 4 and axes[1].rated == 2
    assert axes[0].target is None
    chart.resize(700, 500)
    layout = chart.chart_layout()
    assert len(layout.current_points) == 3
    assert "Average of 2 rated dimensions" in chart.tooltip_at(layout.current_points[1])


def test_toggle_switches_between_dimensions_and_pillars(qtbot, show) -> None:
    chart = show(MaturityRadar(lang="fr"), size=(800, 600))
    chart.set_data(all_rated())
    toggle = chart.chart_layout().toggle
    with qtbot.waitSignal(chart.by_pillar_changed) as changed:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=toggle["toggle:pillars"].center().toPoint())
    assert changed.args == [True] and chart.by_pillar
    assert len(chart.chart_layout().current_points) == len(MODEL.pillars)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=toggle["toggle:dimensions"].center().toPoint())
    assert not chart.by_pillar


def test_tooltip_gives_levels_gap_and_descriptor(qtbot) -> None:
    chart = MaturityRadar(lang="en")
    qtbot.addWidget(chart)
    chart.resize(800, 600)
    chart.set_data(all_rated())
    layout = chart.chart_layout()
    tip = chart.tooltip_at(layout.current_points[0])
    dimension = MODEL.dimensions[0]
    assert tip.splitlines()[0] == dimension.label("en")
    assert "Current: 1" in tip and "Target: 3" in tip and "Gap: 2" in tip
    assert dimension.level_descriptor(1, "en") in tip
    assert chart.tooltip_at(layout.label_rects[0].center()) == tip  # the label points at its spoke too


def test_labels_of_every_dimension_do_not_overlap(qtbot) -> None:
    for lang in ("fr", "en"):
        chart = MaturityRadar(lang=lang)
        qtbot.addWidget(chart)
        chart.resize(900, 640)
        chart.set_data(all_rated())
        rects = chart.chart_layout().label_rects
        overlaps = [(i, j) for i, r in enumerate(rects) for j, s in enumerate(rects) if i < j and r.intersects(s)]
        assert overlaps == []
        assert all(chart.rect().contains(r.toRect()) for r in rects)


def test_missing_targets_leave_no_invented_outline(qtbot) -> None:
    chart = MaturityRadar()
    qtbot.addWidget(chart)
    chart.resize(700, 500)
    chart.set_data([DimensionRating(d.key, 2, 4 if i else None) for i, d in enumerate(MODEL.dimensions[:5])])
    layout = chart.chart_layout()
    assert layout.target_points[0] is None
    assert "Target: —" in chart.tooltip_at(layout.current_points[0])


def test_empty_and_too_few_dimensions_explain_themselves(qtbot) -> None:
    chart = MaturityRadar(lang="en")
    qtbot.addWidget(chart)
    assert "No maturity assessment yet" in chart.message
    chart.set_data(all_rated()[:2])
    assert chart.message == "The radar needs at least three rated dimensions (2 so far)."
    chart.set_data(all_rated()[:3])
    assert chart.message == ""


def test_refresh_shows_the_latest_assessment_and_follows_undo(qtbot, workspace) -> None:
    chart = MaturityRadar()
    qtbot.addWidget(chart)
    chart.refresh(workspace, "fr")
    assert "Aucune évaluation de maturité" in chart.message
    old = create_row(workspace, "maturity", {"title": "Pré-diagnostic", "assessed_on": dt.date(2026, 1, 10)})
    latest = create_row(workspace, "maturity", {"title": "Diagnostic", "assessed_on": dt.date(2026, 2, 20)})
    rate_dimension(workspace, old.row_ids[0], "data_quality", current_level=1, target_level=2)
    for key in ("ai_vision", "data_quality", "ai_security"):
        rate_dimension(workspace, latest.row_ids[0], key, current_level=2, target_level=4)
    chart.refresh(workspace, "fr")
    assert [a.key for a in chart.axes()] == ["ai_vision", "data_quality", "ai_security"]
    assert chart.caption() == "Diagnostic · 20/02/2026"
    change = rate_dimension(workspace, latest.row_ids[0], "ai_literacy", current_level=3, target_level=4)
    chart.refresh(workspace, "fr")
    assert len(chart.chart_layout().current_points) == 4
    undo(workspace, change)
    chart.refresh(workspace, "fr")
    assert len(chart.chart_layout().current_points) == 3
    chart.set_assessment(old.row_ids[0])
    chart.refresh(workspace, "en")
    assert "at least three" in chart.message


def test_a_narrow_radar_numbers_its_spokes_and_keys_the_names(qtbot) -> None:
    chart = MaturityRadar(lang="fr")
    qtbot.addWidget(chart)
    chart.resize(440, 620)  # a side panel: the 23 names cannot fit round the radar
    chart.set_data(all_rated())
    layout = chart.chart_layout()
    assert layout.label_texts == [str(i) for i in range(1, len(MODEL.dimensions) + 1)]
    assert [text for _, text in layout.key][0] == f"1  {MODEL.dimensions[0].label('fr')}"
    assert len(layout.key) == len(MODEL.dimensions)
    boxes = [box for box, _ in layout.key] + layout.label_rects
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert all(chart.rect().contains(b.toRect()) for b in boxes)
    assert chart.tooltip_at(layout.key[4][0].center()).startswith(f"5. {MODEL.dimensions[4].label('fr')}")
    chart.resize(900, 640)
    assert chart.chart_layout().key == [] and chart.chart_layout().label_texts[0] == MODEL.dimensions[0].label("fr")


def test_refresh_on_the_demo_engagement_draws_its_assessment(qtbot, demo_workspace) -> None:
    chart = MaturityRadar()
    qtbot.addWidget(chart)
    chart.resize(900, 640)
    chart.refresh(demo_workspace, "en")
    (title, rated), = sql(demo_workspace, "select m.title, count(r.id) from maturity m join maturity_ratings r "
                                          "on r.assessment_id = m.id group by m.id order by m.assessed_on desc "
                                          "limit 1")
    assert chart.caption().startswith(title)
    assert len(chart.chart_layout().current_points) == rated
    chart.set_by_pillar(True)
    assert len(chart.chart_layout().current_points) == len(MODEL.pillars)


def test_highlighted_dimension_is_drawn_on_its_spoke(qtbot) -> None:
    chart = MaturityRadar(lang="en")
    qtbot.addWidget(chart)
    chart.resize(900, 640)
    chart.set_data([DimensionRating(d.key, 1, 2) for d in MODEL.dimensions])  # polygons stay near the centre
    layout = chart.chart_layout()
    centre, tip = layout.centre, QPointF(layout.centre.x(), layout.centre.y() - layout.radius)
    on_spoke = centre + (tip - centre) * 0.9  # first spoke, between levels 4 and 5
    before = pixel(chart, on_spoke)
    chart.set_highlighted(MODEL.dimensions[0].key)
    after = pixel(chart, on_spoke)
    assert chart.highlighted == MODEL.dimensions[0].key
    assert after.blue() - after.red() > 40 > before.blue() - before.red()  # the spoke turns "current" blue


def test_clicking_a_spoke_activates_its_dimension(qtbot, show) -> None:
    chart = show(MaturityRadar(lang="en"), size=(900, 640))
    chart.set_data(all_rated())
    layout = chart.chart_layout()
    with qtbot.waitSignal(chart.dimension_activated) as activated:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=layout.label_rects[2].center().toPoint())
    assert activated.args == [MODEL.dimensions[2].key]
    chart.set_by_pillar(True)
    with qtbot.assertNotEmitted(chart.dimension_activated):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                         pos=chart.chart_layout().current_points[0].toPoint())


def test_a_dimension_the_model_does_not_know_keeps_its_key(qtbot) -> None:
    chart = MaturityRadar(lang="fr")
    qtbot.addWidget(chart)
    chart.set_data(all_rated()[:3] + [DimensionRating("cloud_costs", 2, 3)])
    axes = chart.axes()
    assert [a.label for a in axes][-1] == "cloud_costs" and len(axes) == 4
    chart.set_by_pillar(True)
    assert "cloud_costs" not in [a.key for a in chart.axes()]  # no pillar to average it into
