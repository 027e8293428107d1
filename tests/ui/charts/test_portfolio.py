"""The use-case portfolio matrix: bubbles where the scores put them, hit-testing, quadrants, refresh."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from caio_desktop.operations import create_row, undo, update_row
from caio_desktop.ui.charts.portfolio import QUADRANT_COLORS, PortfolioMatrix, UseCasePoint
from tests.ui.charts.conftest import pixel, sql

USE_CASES = [
    UseCasePoint(11, "Tri automatique des sinistres", 4.5, 4.0, "quick_win", "pilot"),
    UseCasePoint(12, "Tarification dynamique", 4.0, 1.75, "strategic_bet", "idea"),
    UseCasePoint(13, "OCR des factures", 2.0, 4.5, "incremental", "production"),
    UseCasePoint(14, "Chatbot RH", 1.5, 1.5, "deprioritise", "abandoned"),
    UseCasePoint(15, "Résumé des contrats", None, None),
]


def test_clicking_a_bubble_emits_its_use_case(qtbot, show) -> None:
    chart = show(PortfolioMatrix(lang="fr"))
    chart.set_data(USE_CASES)
    for use_case_id in (11, 12, 13, 14):
        centre = chart.chart_layout().bubbles[use_case_id].toPoint()
        with qtbot.waitSignal(chart.use_case_activated) as activated:
            qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=centre)
        assert activated.args == [use_case_id]


def test_clicking_the_background_activates_nothing(qtbot, show) -> None:
    chart = show(PortfolioMatrix())
    chart.set_data(USE_CASES)
    plane = chart.chart_layout().plane
    with qtbot.assertNotEmitted(chart.use_case_activated):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=plane.point(3.0, 1.0).toPoint())


def test_bubbles_sit_in_their_quadrant_with_its_colour(qtbot, show) -> None:
    chart = show(PortfolioMatrix(lang="en"))
    chart.set_data(USE_CASES)
    layout = chart.chart_layout()
    plane = layout.plane
    split = plane.point(3.0, 3.0)
    quick_win, bet, incremental = (layout.bubbles[i] for i in (11, 12, 13))
    assert quick_win.x() > split.x() and quick_win.y() < split.y()
    assert bet.x() < split.x() and bet.y() < split.y()
    assert incremental.x() > split.x() and incremental.y() > split.y()
    assert 15 not in layout.bubbles  # not scored: left out, and said so
    assert chart.footnote() == "1 use case not scored yet is not shown"
    drawn = pixel(chart, quick_win)
    expected = QUADRANT_COLORS["quick_win"]
    assert abs(drawn.red() - expected.red()) < 30 and abs(drawn.green() - expected.green()) < 30


def test_same_scores_stay_two_visible_bubbles(qtbot) -> None:
    chart = PortfolioMatrix()
    qtbot.addWidget(chart)
    chart.resize(700, 520)
    chart.set_data([UseCasePoint(1, "A", 4.0, 4.0), UseCasePoint(2, "B", 4.0, 4.0)])
    a, b = chart.chart_layout().bubbles[1], chart.chart_layout().bubbles[2]
    assert abs(a.x() - b.x()) >= 18  # two radii apart at least
    assert chart.hotspot_at(a).key == 1 and chart.hotspot_at(b).key == 2


def test_labels_never_overlap(qtbot) -> None:
    chart = PortfolioMatrix()
    qtbot.addWidget(chart)
    chart.resize(640, 480)
    crowd = [UseCasePoint(i, f"Cas d'usage numéro {i}", 3.5 + (i % 3) * 0.25, 3.5 + (i // 3) * 0.25)
             for i in range(1, 13)]
    chart.set_data(crowd)
    rects = list(chart.chart_layout().labels.values())
    assert rects, "some titles have room"
    assert not any(r.intersects(s) for i, r in enumerate(rects) for s in rects[i + 1:])


def test_tooltip_and_quadrant_captions_in_the_language(qtbot) -> None:
    chart = PortfolioMatrix(lang="fr")
    qtbot.addWidget(chart)
    chart.resize(700, 520)
    chart.set_data(USE_CASES)
    tip = chart.tooltip_at(chart.chart_layout().bubbles[11])
    assert tip.splitlines()[:2] == ["Tri automatique des sinistres", "Gain rapide"]
    assert "Score de valeur : 4.5" in tip and "Statut : Pilote" in tip
    assert [q.label for q in chart.quadrants()] == ["Gain rapide", "Pari stratégique", "Incrémental",
                                                    "À déprioriser"]
    chart.set_language("en")
    assert chart.tooltip_at(chart.chart_layout().bubbles[11]).splitlines()[1] == "Quick win"


def test_empty_and_unscored_portfolios_explain_themselves(qtbot) -> None:
    chart = PortfolioMatrix(lang="en")
    qtbot.addWidget(chart)
    assert "No use cases yet" in chart.message
    chart.set_data([UseCasePoint(1, "Idea", None, None)])
    assert "No use case is scored yet" in chart.message
    chart.set_data(USE_CASES)
    assert chart.message == ""


def test_refresh_reads_scores_and_follows_edit_and_undo(qtbot, workspace) -> None:
    chart = PortfolioMatrix()
    qtbot.addWidget(chart)
    change = create_row(workspace, "use_cases", {
        "title": "Tri des sinistres", "business_value": 5, "strategic_alignment": 4, "data_readiness": 4,
        "technical_complexity": 2, "cost": 2, "risk": 2})
    create_row(workspace, "use_cases", {"title": "Idée non notée"})
    chart.refresh(workspace, "en")
    assert [(u.title, u.quadrant) for u in chart.placed] == [("Tri des sinistres", "quick_win")]
    edit = update_row(workspace, "use_cases", change.row_ids[0], {"data_readiness": 1, "technical_complexity": 5,
                                                                  "cost": 5, "risk": 4})
    chart.refresh(workspace, "en")
    assert chart.placed[0].quadrant == "strategic_bet"
    undo(workspace, edit)
    chart.refresh(workspace, "en")
    assert chart.placed[0].quadrant == "quick_win" and chart.footnote().startswith("1 use case")


def test_refresh_on_the_demo_engagement_places_every_scored_use_case(qtbot, demo_workspace) -> None:
    chart = PortfolioMatrix()
    qtbot.addWidget(chart)
    chart.resize(900, 600)
    chart.refresh(demo_workspace, "en")
    expected = dict(sql(demo_workspace, "select id, quadrant from use_cases where value_score is not null "
                                        "and feasibility_score is not null"))
    assert {u.id: u.quadrant for u in chart.placed} == expected
    assert set(chart.chart_layout().bubbles) == set(expected)


def test_highlighted_use_case_gets_a_dark_ring(qtbot) -> None:
    chart = PortfolioMatrix()
    qtbot.addWidget(chart)
    chart.resize(700, 520)
    chart.set_data(USE_CASES)
    centre = chart.chart_layout().bubbles[12]
    edge = centre + QPointF(10.8, 0)  # on the outline of a marked bubble (radius 9 + 2)
    assert pixel(chart, edge).lightness() > 150
    chart.set_highlighted(12)
    assert chart.marked(12) and not chart.marked(11)
    assert pixel(chart, edge).lightness() < 110


def test_a_long_title_is_wrapped_whole_words_with_its_tooltip_on_the_label(qtbot) -> None:
    chart = PortfolioMatrix(lang="fr")
    qtbot.addWidget(chart)
    chart.resize(700, 520)
    title = "Assistant de rédaction des réponses aux réclamations clients avec validation humaine"
    chart.set_data([UseCasePoint(1, title, 4.5, 4.5, "quick_win", "pilot")])
    layout = chart.chart_layout()
    label = layout.label_texts[1]
    assert "\n" in label and set(label.replace("\n", " ").removesuffix(" …").split()) <= set(title.split())
    rect = layout.labels[1]
    assert title in chart.tooltip_at(rect.center())  # hovering the label shows the whole title
