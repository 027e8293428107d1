"""The stakeholder map: quadrants by influence × interest, attitude colours, spread of equal scores."""

from __future__ import annotations

from PySide6.QtCore import Qt

from caio_desktop.operations import create_row, undo, update_row
from caio_desktop.ui.charts.stakeholders import (
    ATTITUDE_COLORS,
    StakeholderMap,
    StakeholderPoint,
    stakeholder_quadrant,
)
from tests.ui.charts.conftest import pixel, sql

PEOPLE = [
    StakeholderPoint(1, "Claire Martin", 5, 5, "champion", "Directrice générale"),
    StakeholderPoint(2, "Jean Dupont", 5, 1, "sceptic", "Directeur financier"),
    StakeholderPoint(3, "Sophie Bernard", 1, 5, "supporter"),
    StakeholderPoint(4, "Marc Leroy", 1, 1, "resistant"),
    StakeholderPoint(5, "Nadia Benali", 5, 5, "neutral"),
    StakeholderPoint(6, "Paul Girard", 5, 5, None),
    StakeholderPoint(7, "Sans note", None, 4),
]


def mapped(qtbot, lang: str = "fr") -> StakeholderMap:
    chart = StakeholderMap(lang=lang)
    qtbot.addWidget(chart)
    chart.resize(720, 540)
    chart.set_data(PEOPLE)
    return chart


def test_quadrants_follow_influence_and_interest() -> None:
    assert stakeholder_quadrant(5, 5) == "manage_closely"
    assert stakeholder_quadrant(3, 3) == "manage_closely"
    assert stakeholder_quadrant(5, 2) == "keep_satisfied"
    assert stakeholder_quadrant(2, 5) == "keep_informed"
    assert stakeholder_quadrant(2, 2) == "monitor"


def test_dots_land_in_their_quadrant_and_same_cell_dots_stay_apart(qtbot) -> None:
    layout = mapped(qtbot).chart_layout()
    plane = layout.plane
    split = plane.point(plane.split, plane.split)
    assert layout.dots[1].x() > split.x() and layout.dots[1].y() < split.y()  # manage closely
    assert layout.dots[2].x() < split.x() and layout.dots[2].y() < split.y()  # keep satisfied
    assert layout.dots[3].x() > split.x() and layout.dots[3].y() > split.y()  # keep informed
    assert layout.dots[4].x() < split.x() and layout.dots[4].y() > split.y()  # monitor
    same_cell = [layout.dots[i] for i in (1, 5, 6)]
    for i, a in enumerate(same_cell):
        for b in same_cell[i + 1:]:
            assert (a - b).manhattanLength() >= 15
    assert 7 not in layout.dots


def test_dots_are_coloured_by_attitude(qtbot, show) -> None:
    chart = show(mapped(qtbot), size=(720, 540))
    layout = chart.chart_layout()
    for person_id, attitude in ((1, "champion"), (2, "sceptic"), (4, "resistant")):
        drawn, expected = pixel(chart, layout.dots[person_id]), ATTITUDE_COLORS[attitude]
        assert abs(drawn.red() - expected.red()) < 12 and abs(drawn.green() - expected.green()) < 12


def test_names_are_placed_without_overlap_and_captions_stay_clear(qtbot) -> None:
    chart = mapped(qtbot)
    layout = chart.chart_layout()
    labels = list(layout.labels.values())
    assert len(labels) >= 5
    assert not any(a.intersects(b) for i, a in enumerate(labels) for b in labels[i + 1:])
    captions = [layout.plane.caption_rect(q) for q in chart.quadrants()]
    assert not any(label.intersects(caption) for label in labels for caption in captions)
    for dot in layout.dots.values():
        assert not any(caption.contains(dot) for caption in captions)


def test_click_on_a_dot_emits_the_stakeholder(qtbot, show) -> None:
    chart = show(mapped(qtbot))
    with qtbot.waitSignal(chart.stakeholder_activated) as activated:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.chart_layout().dots[3].toPoint())
    assert activated.args == [3]


def test_texts_in_french_and_english(qtbot) -> None:
    chart = mapped(qtbot, "fr")
    assert [q.label for q in chart.quadrants()] == ["Gérer de près", "Satisfaire", "Tenir informé", "Surveiller"]
    tip = chart.tooltip_at(chart.chart_layout().dots[2])
    assert tip.splitlines() == ["Jean Dupont", "Directeur financier", "Influence : 5", "Intérêt : 1",
                                "Attitude : Sceptique", "Satisfaire"]
    assert chart.footnote().startswith("1 partie prenante sans")
    chart.set_language("en")
    assert [q.label for q in chart.quadrants()] == ["Manage closely", "Keep satisfied", "Keep informed", "Monitor"]
    assert chart.tooltip_at(chart.chart_layout().dots[2]).splitlines()[-2:] == ["Attitude: Sceptic",
                                                                               "Keep satisfied"]


def test_empty_map_explains_itself(qtbot) -> None:
    chart = StakeholderMap(lang="en")
    qtbot.addWidget(chart)
    assert "No stakeholders yet" in chart.message
    chart.set_data([StakeholderPoint(1, "Unscored", None, None)])
    assert "No stakeholder has an influence and interest score yet" in chart.message


def test_refresh_reads_stakeholders_and_follows_edit_and_undo(qtbot, workspace) -> None:
    chart = StakeholderMap()
    qtbot.addWidget(chart)
    chart.resize(700, 520)
    first = create_row(workspace, "stakeholders", {"name": "Claire Martin", "role": "DG", "department": "Direction",
                                                   "influence": 5, "interest": 4, "attitude": "champion"})
    create_row(workspace, "stakeholders", {"name": "Jean Dupont", "influence": 2, "interest": 2})
    chart.refresh(workspace, "fr")
    assert {s.name: (s.influence, s.interest) for s in chart.placed} == {"Claire Martin": (5, 4),
                                                                        "Jean Dupont": (2, 2)}
    assert chart.tooltip_at(chart.chart_layout().dots[first.row_ids[0]]).splitlines()[1] == "DG · Direction"
    edit = update_row(workspace, "stakeholders", first.row_ids[0], {"influence": None})
    chart.refresh(workspace, "fr")
    assert len(chart.placed) == 1 and chart.footnote()
    undo(workspace, edit)
    chart.refresh(workspace, "fr")
    assert len(chart.placed) == 2 and not chart.footnote()


def test_refresh_on_the_demo_engagement_maps_every_scored_stakeholder(qtbot, demo_workspace) -> None:
    chart = StakeholderMap()
    qtbot.addWidget(chart)
    chart.resize(900, 600)
    chart.refresh(demo_workspace, "en")
    expected = {i: (inf, intr) for i, inf, intr in sql(
        demo_workspace, "select id, influence, interest from stakeholders where influence is not null "
                        "and interest is not null")}
    assert {s.id: (s.influence, s.interest) for s in chart.placed} == expected
    assert set(chart.chart_layout().dots) == set(expected)
