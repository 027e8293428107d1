"""Before exporting, the Deliverables page says which sections have nothing to show yet."""

from __future__ import annotations

from caio_desktop.interchange.deliverables import DELIVERABLE_KINDS, build_content
from caio_desktop.ui.deliverables.emptiness import empty_sections
from caio_desktop.ui.deliverables.page import DeliverablesPage
from caio_desktop.ui.i18n import install_language
from tests.conftest import DEMO_TODAY


def _preview(qtbot, page: DeliverablesPage) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: bool(page.preview.page_labels), timeout=20000)


def test_an_empty_engagement_is_warned_of_its_empty_sections(qtbot, workspace, open_page) -> None:
    install_language("fr")
    try:
        _warned_in_french(qtbot, workspace, open_page)
    finally:
        install_language("en")


def _warned_in_french(qtbot, workspace, open_page) -> None:  # noqa: ANN001
    page = open_page(workspace, "fr")
    page.kinds.setCurrentRow(list(DELIVERABLE_KINDS).index("diagnosis"))
    _preview(qtbot, page)
    qtbot.waitUntil(lambda: page.empty_warning.isVisibleTo(page), timeout=20000)
    text = page.empty_warning.text()
    assert text.startswith("Rien à montrer pour l'instant dans : ")
    assert "Aucun élément à ce jour" in text
    document = build_content(workspace, "diagnosis", lang="fr", as_of=DEMO_TODAY)
    titles = empty_sections(document)
    assert len(titles) >= 4 and all(title in text for title in titles)
    assert document.sections[0].title not in titles  # the executive summary has its key figures


def test_the_demo_diagnosis_has_no_empty_section(qtbot, demo_workspace, open_page) -> None:
    page = open_page(demo_workspace, "fr")
    page.kinds.setCurrentRow(list(DELIVERABLE_KINDS).index("diagnosis"))
    _preview(qtbot, page)
    document = build_content(demo_workspace, "diagnosis", lang="fr", as_of=DEMO_TODAY)
    assert empty_sections(document) == [] or page.empty_warning.isVisibleTo(page)
    if not empty_sections(document):
        assert not page.empty_warning.isVisibleTo(page)
