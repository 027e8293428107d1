"""File handling through the UI: new (wizard), open, recent list, save a copy, close, refusals with
their way forward (a file locked by another process stays untouched)."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from caio_desktop.ui import settings
from caio_desktop.ui.shell.files import FileController
from caio_desktop.workspace.queries import count_rows, fetch_rows


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_engagement_through_the_wizard(window, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "Mutuelle-des-Alpes.caio"
    monkeypatch.setattr(FileController, "new_engagement_values", classmethod(lambda cls, parent, lang: {
        "path": target, "client": "Mutuelle des Alpes", "sector": "Assurance", "consultant": "Camille Durand",
        "language": "fr", "start": dt.date(2026, 2, 2), "months": 9}))
    assert window.files.new_engagement()
    engagement = fetch_rows(window.context.workspace, "engagement")[0]
    assert engagement["client_name"] == "Mutuelle des Alpes"
    assert engagement["end_date"] == dt.date(2026, 11, 2)
    assert count_rows(window.context.workspace, "phases") == 4
    assert window.windowTitle().startswith("Mutuelle des Alpes — Mutuelle-des-Alpes.caio")
    assert settings.recent_files() == [target.resolve()]


def test_wizard_proposes_a_file_named_after_the_client(qtbot, tmp_path: Path) -> None:
    from caio_desktop.ui.shell.new_engagement import NewEngagementWizard

    wizard = NewEngagementWizard("fr", folder=tmp_path)
    qtbot.addWidget(wizard)
    wizard.client.setText("Mutuelle des Alpes")
    wizard.next()
    wizard.months.setValue(18)
    wizard.next()
    values = wizard.values()
    assert values["path"] == tmp_path / "Mutuelle-des-Alpes.caio"
    assert values["months"] == 18 and values["language"] == "fr"


def test_recent_files_newest_first_and_missing_ones_dropped(window, demo_file: Path,
                                                            workspace_file: Path) -> None:
    window.files.open_path(demo_file)
    window.files.open_path(workspace_file)
    assert settings.recent_files() == [workspace_file.resolve(), demo_file.resolve()]
    window.files.close()
    demo_file.unlink()
    assert settings.recent_files() == [workspace_file.resolve()]
    window._fill_recent_menu()
    assert [a.text() for a in window.recent_menu.actions()][0] == workspace_file.name


def test_save_a_copy_switches_to_the_copy(window, demo_file: Path, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "copie.caio"
    monkeypatch.setattr(FileController, "ask_save_path", classmethod(lambda cls, parent, suggested: target))
    window.files.open_path(demo_file)
    risks = count_rows(window.context.workspace, "risks")
    assert window.files.save_copy_as()
    assert Path(window.context.workspace.path) == target
    assert count_rows(window.context.workspace, "risks") == risks
    from caio_desktop.workspace.workspace import Workspace

    Workspace.open(demo_file).close()  # the original was released


def _hold_in_another_process(path: Path) -> subprocess.Popen:
    code = textwrap.dedent(f"""
        import sys, time
        from caio_desktop.workspace.workspace import Workspace
        ws = Workspace.open({str(path)!r})
        print("open", flush=True)
        sys.stdin.readline()
        ws.close()
    """)
    process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               text=True)
    assert process.stdout.readline().strip() == "open"
    return process


def test_a_file_open_in_another_process_is_refused_and_left_untouched(window, demo_file: Path,
                                                                       monkeypatch) -> None:
    shown: list[tuple[str, str, list]] = []
    monkeypatch.setattr(FileController, "show_error", classmethod(
        lambda cls, parent, title, text, remedies: shown.append((title, text, remedies)) or None))
    holder = _hold_in_another_process(demo_file)
    try:
        before = _digest(demo_file)
        assert not window.files.open_path(demo_file)
        assert window.context.workspace is None
        title, text, remedies = shown[0]
        assert title == "Impossible d'ouvrir la mission"
        assert "already open in another CAIO Desktop window or process" in text
        assert [key for key, _label in remedies] == ["open_read_only"]
        assert _digest(demo_file) == before
    finally:
        holder.communicate("\n", timeout=30)


def test_read_only_remedy_opens_without_changes_allowed(window, demo_file: Path, monkeypatch) -> None:
    monkeypatch.setattr(FileController, "show_error", classmethod(
        lambda cls, parent, title, text, remedies: remedies[0][0] if remedies else None))
    holder = _hold_in_another_process(demo_file)
    try:
        assert window.files.open_path(demo_file)
        assert window.context.workspace.read_only
        assert "(lecture seule)" in window.windowTitle()
        register = window.page("risks").registers["risks"]
        assert not register.add_button.isEnabled()
        register.select_row(register.proxy.row_id(0))
        assert not register.delete_selected() and register.add_row() is None  # Del key, shortcuts
        assert not register.model.flags(register.model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    finally:
        window.files.close()
        holder.communicate("\n", timeout=30)


def test_a_damaged_file_offers_its_latest_snapshot(window, demo_file: Path, monkeypatch) -> None:
    from caio_desktop.workspace.snapshots import take_snapshot
    from caio_desktop.workspace.workspace import Workspace

    ws = Workspace.open(demo_file)
    take_snapshot(ws, reason="test")
    ws.close()
    data = bytearray(demo_file.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # scribble over the second page
    demo_file.write_bytes(bytes(data))
    offered: list = []
    monkeypatch.setattr(FileController, "show_error", classmethod(
        lambda cls, parent, title, text, remedies: offered.append(remedies) or (
            remedies[0][0] if remedies else None)))
    opened = window.files.open_path(demo_file)
    if not offered:
        pytest.skip("this damage went unnoticed by the quick check")
    assert offered[0][0][0] == "restore_snapshot"
    assert opened and count_rows(window.context.workspace, "risks") > 0


def test_open_the_demo_from_the_start_page(window) -> None:
    from caio_desktop.ui.shell.files import demo_path

    path = demo_path("fr")
    path.unlink(missing_ok=True)
    window.start_page.demo_button.click()
    try:
        assert Path(window.context.workspace.path) == path
        assert count_rows(window.context.workspace, "risks") > 0
        assert window.central.currentWidget() is window.workbench
    finally:
        window.files.close()
        path.unlink(missing_ok=True)


def test_an_encrypted_engagement_asks_for_its_passphrase(window, tmp_path: Path, monkeypatch) -> None:
    pytest.importorskip("sqlcipher3")
    from caio_desktop.workspace.workspace import Workspace

    path = tmp_path / "chiffre.caio"
    Workspace.create(path, client="Clinique du Lac", passphrase="correct horse battery").close()
    answers = iter(["mauvaise phrase", "correct horse battery"])
    asked: list[bool] = []

    def ask(cls, parent, asked_path, *, retry=False):  # noqa: ANN001, ANN202
        asked.append(retry)
        return next(answers)

    monkeypatch.setattr(FileController, "ask_passphrase", classmethod(ask))
    assert window.files.open_path(path)
    assert asked == [False, True]  # the second time it says the first was wrong
    assert window.windowTitle().startswith("Clinique du Lac")


def _deeply_damaged(path: Path) -> None:
    """A cleanly closed 2,000-risk engagement with a good snapshot, then a leaf page of the risk
    register scribbled over (a bad copy): opening reads only root pages and does not notice."""
    from caio_desktop.operations.changes import ChangeSet
    from caio_desktop.operations.history import run_recorded
    from caio_desktop.workspace.snapshots import take_snapshot
    from caio_desktop.workspace.workspace import Workspace

    rows = [{"code": f"R-{n:04d}", "title": f"Risque {n:04d} : dérive du modèle", "likelihood": 2, "impact": 3}
            for n in range(1, 2001)]
    with Workspace.create(path, client="Mutuelle du Littoral", language="fr", start=dt.date(2026, 1, 5)) as ws:
        run_recorded(ws, ChangeSet("import", "risks", "2000"), lambda rec: rec.insert_many("risks", rows))
        take_snapshot(ws, reason="test")
    data = bytearray(path.read_bytes())
    page = data.index(b"Risque 1500 ") // 4096
    data[page * 4096:page * 4096 + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))


def test_damage_deep_in_a_cleanly_closed_file_is_found_after_opening(window, qtbot, tmp_path: Path,
                                                                     monkeypatch) -> None:
    from caio_desktop.ui.shell import integrity
    from caio_desktop.workspace.snapshots import list_snapshots

    monkeypatch.setattr(integrity, "DELAY_MS", 0)
    path = tmp_path / "mission.caio"
    _deeply_damaged(path)
    offered: list = []
    monkeypatch.setattr(FileController, "show_error", classmethod(
        lambda cls, parent, title, text, remedies: offered.append((title, text, remedies)) or remedies[0][0]))
    assert window.files.open_path(path)  # opens at once: the check runs after, off the GUI thread
    qtbot.waitUntil(lambda: bool(offered), timeout=20_000)
    title, text, remedies = offered[0]
    assert title == "Fichier de mission endommagé"  # the window speaks French (conftest)
    assert [key for key, _ in remedies] == ["restore_snapshot"]
    qtbot.waitUntil(lambda: window.context.workspace is not None and not integrity.problems(path), timeout=20_000)
    assert count_rows(window.context.workspace, "risks") == 2000  # the snapshot's rows, in the same file
    assert "before-restore" in [s.reason for s in list_snapshots(path)]  # the damaged file is kept
    window.files.wait_for_background_work()
    assert len(offered) == 1  # the restored file checks healthy


def test_closing_the_engagement_stops_its_check(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    """A check under way is interrupted, and a check not yet started never starts, so closing is quick
    and no verdict arrives about a file no longer shown."""
    import threading

    from caio_desktop.ui.shell import integrity

    path = tmp_path / "mission.caio"
    _deeply_damaged(path)
    offered: list = []
    monkeypatch.setattr(FileController, "show_error", classmethod(
        lambda cls, parent, title, text, remedies: offered.append(title)))
    started, interrupted = threading.Event(), threading.Event()

    def slow_problems(path, passphrase=None, *, give_way=None):  # noqa: ANN001, ANN202
        started.set()  # a check of a large file: it reads until it is told to give way
        while not give_way():
            threading.Event().wait(0.01)
        interrupted.set()
        return None

    monkeypatch.setattr(integrity, "problems", slow_problems)
    assert window.files.open_path(path)
    window.files.close()  # before the delay: the check never starts
    qtbot.wait(integrity.DELAY_MS + 200)
    assert not started.is_set()
    monkeypatch.setattr(integrity, "DELAY_MS", 0)
    assert window.files.open_path(path)
    qtbot.waitUntil(started.is_set, timeout=5_000)
    window.files.close()  # interrupted, and waited for
    assert interrupted.is_set()
    qtbot.wait(100)
    assert window.context.workspace is None and not offered
