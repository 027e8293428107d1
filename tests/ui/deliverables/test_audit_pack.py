"""The Deliverables page's "Audit pack…" button: the pack written off the GUI thread (issue 18)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from caio_desktop.ui.deliverables.page import DeliverablesPage
from caio_desktop.ui.i18n import install_language


def test_the_audit_pack_button_writes_the_pack(qtbot, demo_workspace, open_page, tmp_path: Path,  # noqa: ANN001
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "audit.zip"
    monkeypatch.setattr(DeliverablesPage, "ask_save_path", classmethod(lambda cls, *a: target))
    install_language("fr")
    try:
        page = open_page(demo_workspace, "fr")
        assert page.audit_pack_button.text() == "Dossier de preuves…"  # (from the .qm)
    finally:
        install_language("en")
    assert page.audit_pack_button.isEnabled()
    page.audit_pack_button.click()
    qtbot.waitUntil(lambda: target.exists() and "audit.zip" in page.status.text(), timeout=20000)
    names = zipfile.ZipFile(target).namelist()
    assert "evidence-pack/index.xlsx" in names and "evidence-pack/index.pdf" in names
