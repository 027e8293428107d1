"""Labels said once: no tab bar over a page's only tab, no "Mission" box over the "Mission — …"
heading; a watch item's web source reads and clicks as a link."""

from __future__ import annotations

from PySide6.QtCore import Qt

from caio_desktop.operations import create_row
from caio_desktop.ui.registers.view import RegisterWidget


def test_a_single_tab_shows_no_tab_bar(qtbot, demo_context) -> None:
    from caio_desktop.ui.pages.risks import RisksPage
    from caio_desktop.ui.pages.systems import SystemsPage

    systems, risks = SystemsPage(demo_context), RisksPage(demo_context)
    for page in (systems, risks):
        qtbot.addWidget(page)
        page.show()
    assert systems.tabs.count() == 1 and not systems.tabs.tabBar().isVisible()
    assert risks.tabs.tabBar().isVisible()


def test_the_engagement_form_is_named_once(qtbot, demo_context) -> None:
    from PySide6.QtWidgets import QLabel

    from caio_desktop.ui.pages.engagement import EngagementPage

    page = EngagementPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    shown = [label.text() for label in page.tabs.widget(0).findChildren(QLabel) if label.isVisible()]
    assert "Mission" not in shown
    assert page.form.heading.text().startswith("Mission — ")


def test_a_watch_source_is_a_link_that_opens(qtbot, context, monkeypatch) -> None:
    url = "https://artificialintelligenceact.eu/"
    context.perform(create_row, "watch", {"title": "Lignes directrices GPAI", "source": url})
    context.perform(create_row, "watch", {"title": "Note interne", "source": "Comité du 3 mars"})
    widget = RegisterWidget(context, "watch")
    qtbot.addWidget(widget)
    opened: list[str] = []
    monkeypatch.setattr(RegisterWidget, "open_url", classmethod(lambda cls, u: opened.append(u)))
    column = widget.model.column("source")
    link, text = widget.proxy.index(0, column), widget.proxy.index(1, column)
    assert link.data(Qt.ItemDataRole.FontRole).underline()
    assert link.data(Qt.ItemDataRole.ToolTipRole) == f"Cliquez pour ouvrir {url}"
    assert text.data(Qt.ItemDataRole.FontRole) is None and text.data(Qt.ItemDataRole.ToolTipRole) is None
    widget.table.clicked.emit(link)
    widget.table.clicked.emit(text)
    assert opened == [url]


def test_model_tester_on_links(qtmodeltester, context) -> None:
    from caio_desktop.ui.registers.model import RegisterModel

    context.perform(create_row, "watch", {"title": "GPAI", "source": "https://example.org/a"})
    qtmodeltester.check(RegisterModel(context, "watch"))
