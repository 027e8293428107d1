"""Every page of the window opens on a team engagement (nothing of it lives in a file: no path, no
snapshots beside it) and shows its rows."""

from __future__ import annotations

from caio_desktop.operations import create_row


def test_every_page_shows_on_a_team_engagement(qtbot, window, anne, engagement_url) -> None:
    create_row(anne, "risks", {"title": "Biais du scoring", "likelihood": 3, "impact": 4})
    assert window.files.open_team(engagement_url)
    window.show()
    errors = []
    for spec in window.specs:
        try:
            window.show_page(spec.key)
            qtbot.wait(20)
        except Exception as error:  # noqa: BLE001 - listed below, page by page
            errors.append(f"{spec.key}: {type(error).__name__}: {error}")
    assert errors == []
    assert window.pages["risks"].registers["risks"].model.rowCount() == 1


def test_the_changes_view_says_how_to_compare_a_team_engagement(qtbot, window, engagement_url) -> None:
    assert window.files.open_team(engagement_url)
    window.show()
    page = window.show_page("governance")
    view = page.changes
    assert not view.compare_button.isEnabled() and not view.baseline_button.isEnabled()
    assert "caio checkout" in view.result_label.text() and view.result_label.text().startswith("Une mission")
