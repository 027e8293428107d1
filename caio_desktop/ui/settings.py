"""The application's own settings (QSettings): recent engagements, interface language, columns shown,
and what deliverables carry (the firm's logo, Word and PowerPoint templates, "open when done").

With CAIO_NO_SETTINGS=1 (set by the tests) settings live in an INI file in a temporary folder of this
process, so tests never read or change the user's settings.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10
_temp_dir: Any = None  # a tempfile.TemporaryDirectory, made only when CAIO_NO_SETTINGS=1


def app_settings() -> QSettings:
    global _temp_dir
    if os.environ.get("CAIO_NO_SETTINGS") == "1":
        if _temp_dir is None:
            import tempfile

            _temp_dir = tempfile.TemporaryDirectory(prefix="caio-settings-")
        return QSettings(str(Path(_temp_dir.name) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings()


def _as_list(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[union-attr]


def recent_files() -> list[Path]:
    """Recently opened engagements, newest first; files that no longer exist are dropped."""
    settings = app_settings()
    paths = [Path(p) for p in _as_list(settings.value("recent/files"))]
    existing = [p for p in paths if p.is_file()]
    if len(existing) != len(paths):
        settings.setValue("recent/files", [str(p) for p in existing])
    return existing[:MAX_RECENT]


def add_recent_file(path: Path) -> None:
    path = Path(path).resolve()
    settings = app_settings()
    paths = [p for p in _as_list(settings.value("recent/files")) if Path(p) != path]
    settings.setValue("recent/files", [str(path), *paths][:MAX_RECENT])


def clear_recent_files() -> None:
    app_settings().setValue("recent/files", [])


def hidden_columns(module_key: str) -> list[str] | None:
    """The fields a person chose to hide in a register (None: never chosen, use the defaults)."""
    value = app_settings().value(f"columns/{module_key}/hidden")
    if value is None:
        return None
    return [v for v in _as_list(value) if v]


def set_hidden_columns(module_key: str, keys: list[str]) -> None:
    app_settings().setValue(f"columns/{module_key}/hidden", keys or [""])


def interface_language() -> str | None:
    value = app_settings().value("ui/language")
    return str(value) if value in ("fr", "en") else None


def set_interface_language(lang: str) -> None:
    app_settings().setValue("ui/language", lang)


def consultant_name() -> str:
    return str(app_settings().value("ui/consultant", "") or "")


def firm_logo() -> bytes | None:
    """The consultant's firm's logo (PNG, JPEG or SVG bytes) for deliverables, or None when not chosen.

    The image itself is kept, not its path: the file may move or sit on a share that is offline."""
    value = app_settings().value("deliverables/firm_logo")
    if value is None or value == "":
        return None
    data = bytes(value.data()) if hasattr(value, "data") else bytes(value)  # QByteArray or bytes
    return data or None


def set_firm_logo(data: bytes | None) -> None:
    settings = app_settings()
    if data:
        settings.setValue("deliverables/firm_logo", QByteArray(data))  # not a pickled `bytes` (see above)
    else:
        settings.remove("deliverables/firm_logo")


# format → settings key of the consultant's template for it (the firm's or the client's own)
_TEMPLATE_KEYS = {"docx": "deliverables/word_template", "pptx": "deliverables/powerpoint_template"}


def deliverable_template(fmt: str) -> Path | None:
    """The Word ("docx") or PowerPoint ("pptx") template chosen in Preferences, or None (ours).

    The path is kept, not the file: a template is large and the firm updates it in place."""
    value = app_settings().value(_TEMPLATE_KEYS[fmt])
    return Path(str(value)) if value else None


def set_deliverable_template(fmt: str, path: Path | None) -> None:
    settings = app_settings()
    if path is not None:
        settings.setValue(_TEMPLATE_KEYS[fmt], str(path))
    else:
        settings.remove(_TEMPLATE_KEYS[fmt])


def open_when_done() -> bool:
    """Whether a deliverable opens in its application once exported (the page's check box)."""
    value = app_settings().value("deliverables/open_when_done", False)
    return value in (True, "true", "1", 1)


def set_open_when_done(value: bool) -> None:
    app_settings().setValue("deliverables/open_when_done", bool(value))


# --- the window as it was left: geometry, toolbars and docks, the last page, widths and splitters ---
def window_state() -> tuple[bytes | None, bytes | None]:
    """(saveGeometry, saveState) of the main window when it was last closed, or Nones."""
    settings = app_settings()
    geometry, state = settings.value("window/geometry"), settings.value("window/state")
    return (bytes(geometry) if geometry else None, bytes(state) if state else None)


def set_window_state(geometry: QByteArray | bytes, state: QByteArray | bytes) -> None:
    # kept as QByteArray (`@ByteArray(…)`): a Python `bytes` is stored pickled in a PyObjectWrapper
    # variant, which imports pickle at every close and leaves a pickle in the settings
    settings = app_settings()
    settings.setValue("window/geometry", QByteArray(geometry))
    settings.setValue("window/state", QByteArray(state))


def last_page() -> str | None:
    """The key of the page shown when the window was last closed."""
    return str(app_settings().value("window/page") or "") or None


def set_last_page(key: str) -> None:
    app_settings().setValue("window/page", key)


def column_widths(module_key: str) -> dict[str, int]:
    """Field key → width in pixels of the columns a person sized in a register, {} when none."""
    value = app_settings().value(f"columns/{module_key}/widths")
    pairs = _as_list(value)
    widths = {}
    for pair in pairs:
        key, _, width = pair.partition("=")
        if key and width.isdigit():
            widths[key] = int(width)
    return widths


def set_column_widths(module_key: str, widths: dict[str, int]) -> None:
    # "key=width" strings: an INI file keeps a list of strings faithfully, a dict not on every platform
    app_settings().setValue(f"columns/{module_key}/widths", [f"{k}={w}" for k, w in widths.items()] or [""])


def splitter_sizes(name: str) -> list[int]:
    """The sizes of the splitter `name` ("register/risks") as a person left them, [] when never moved."""
    return [int(v) for v in _as_list(app_settings().value(f"splitters/{name}")) if str(v).isdigit()]


def set_splitter_sizes(name: str, sizes: list[int]) -> None:
    app_settings().setValue(f"splitters/{name}", [str(s) for s in sizes])
