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


def test_window_state_and_logo_are_kept_as_byte_arrays_not_pickles() -> None:
    """The window's geometry and state and the firm's logo read back byte for byte, stored as Qt byte arrays
    (`@ByteArray`): a Python `bytes` was stored as a pickled PyObjectWrapper, which only PySide can read."""
    geometry, state, logo = b"\x01\xd9\xd0\xcb\x00geometry", b"\x00\x00\x00\xffstate", b"\x89PNG\r\n\x1a\nlogo"
    settings.set_window_state(geometry, state)
    settings.set_firm_logo(logo)
    try:
        assert settings.window_state() == (geometry, state)
        assert settings.firm_logo() == logo
        store = settings.app_settings()
        store.sync()
        text = Path(store.fileName()).read_text(encoding="latin-1")
        assert "@ByteArray(" in text and "PyObjectWrapper" not in text
    finally:
        settings.set_firm_logo(None)
        store = settings.app_settings()
        store.remove("window/geometry")
        store.remove("window/state")
