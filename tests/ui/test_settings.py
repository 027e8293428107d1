"""The app's own settings: recent engagements (newest first, at most ten, missing ones pruned)."""

from __future__ import annotations

from pathlib import Path

from caio_desktop.ui import settings


def test_recent_files(tmp_path: Path) -> None:
    settings.clear_recent_files()
    paths = []
    for i in range(12):
        path = tmp_path / f"mission-{i}.caio"
        path.write_bytes(b"x")
        paths.append(path)
        settings.add_recent_file(path)
    settings.add_recent_file(paths[3])  # reopened: moves to the top, not duplicated
    recent = settings.recent_files()
    assert len(recent) == settings.MAX_RECENT
    assert recent[0] == paths[3].resolve() and recent[1] == paths[11].resolve()
    paths[11].unlink()
    assert paths[11].resolve() not in settings.recent_files()
    settings.clear_recent_files()
    assert settings.recent_files() == []


def test_tests_never_use_the_users_settings() -> None:
    assert settings.app_settings().fileName().endswith("settings.ini")
    assert "caio-settings-" in settings.app_settings().fileName()
