"""A chart beside its register sends people to that register, not to the page they are on; on the
Overview it still names the page."""

from __future__ import annotations


def test_charts_on_their_own_page_point_to_the_register(qtbot, context_empty) -> None:
    from caio_desktop.ui.pages.change import ChangePage
    from caio_desktop.ui.pages.roadmap import RoadmapPage
    from caio_desktop.ui.pages.strategy import StrategyPage

    roadmap, strategy, change = RoadmapPage(context_empty), StrategyPage(context_empty), ChangePage(context_empty)
    for page in (roadmap, strategy, change):
        qtbot.addWidget(page)
    charts = [getattr(roadmap, "gantt", None), roadmap.trend, getattr(strategy, "portfolio", None),
              getattr(change, "stakeholder_map", None)]
    for chart in [c for c in charts if c is not None]:
        message = chart._empty_message()
        assert "dans le registre ci-" in message, message
        assert "« Feuille de route" not in message and "« Stratégie" not in message
        assert "« Conduite du changement »" not in message


def test_a_chart_elsewhere_still_names_the_page(qtbot) -> None:
    from caio_desktop.ui.charts.portfolio import PortfolioMatrix

    chart = PortfolioMatrix(lang="en")
    qtbot.addWidget(chart)
    assert "under “Strategy & use cases”" in chart._empty_message()
