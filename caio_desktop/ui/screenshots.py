"""`caio-desktop --screenshots DIR FILE`: open FILE offscreen, visit every page (every tab) and the
dialogs worth showing, save one PNG each into DIR. Used for the README and to look at every page in
both languages without a display."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

WINDOW_SIZE = (1440, 900)


def _settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()


def _save(widget: QWidget, folder: Path, name: str, saved: list[Path]) -> None:
    _settle()
    path = folder / f"{name}.png"
    if widget.grab().save(str(path)):
        saved.append(path)
    else:
        print(f"screenshots: could not write {path}", file=sys.stderr)


def _finish_background_work(window: Any, page: QWidget, timeout_ms: int = 30_000) -> None:
    """Let a page's pending timers fire and its worker threads (a deliverable's preview) finish, then
    deliver their results, so the picture shows the page as a person would see it a moment later."""
    from PySide6.QtCore import QElapsedTimer, QThread, QTimer

    from caio_desktop.ui.shell.files import background_threads

    clock = QElapsedTimer()
    clock.start()
    while any(t.isActive() for t in page.findChildren(QTimer)) and clock.elapsed() < 2000:
        QCoreApplication.processEvents()
        QThread.msleep(20)
    for thread in background_threads(window):
        if thread.isRunning():
            thread.wait(timeout_ms)
    _settle()


def _select_first_rows(page: QWidget) -> None:
    for register in getattr(page, "registers", {}).values():
        if register.proxy.rowCount() and not register.selected_ids():
            register.select_row(register.proxy.row_id(0))


def _dialogs(window: Any, folder: Path, saved: list[Path]) -> None:
    from caio_desktop.ui.optional import optional_class
    from caio_desktop.ui.shell.new_engagement import NewEngagementWizard
    from caio_desktop.ui.shell.preferences import PreferencesDialog
    from caio_desktop.workspace import queries

    lang = window.context.lang
    wizard = NewEngagementWizard(lang, window)
    wizard.client.setText("Mutuelle des Alpes" if lang == "fr" else "Northwind Health")
    dialogs: list[tuple[str, QWidget]] = [("dialog-new-engagement", wizard),
                                          ("dialog-preferences", PreferencesDialog(lang, window))]
    importer = optional_class("caio_desktop.ui.importer", "ImportWizard")
    if importer is not None:
        dialogs.append(("dialog-import", importer(window.context, path=None, parent=window)))
    classification = optional_class("caio_desktop.ui.ai_act.classification_dialog", "ClassificationDialog")
    systems = queries.fetch_rows(window.context.workspace, "ai_systems", limit=1)
    if classification is not None and systems:
        dialogs.append(("dialog-ai-act-classification",
                        classification(window.context, systems[0]["id"], parent=window)))
    for name, dialog in dialogs:
        dialog.show()
        _save(dialog, folder, name, saved)
        dialog.close()
        dialog.deleteLater()


def _search(window: Any, folder: Path, saved: list[Path]) -> None:
    """The search box (Ctrl+Shift+F) with the results of a word found in several registers, once its
    index is built (in a worker thread, as in use)."""
    from PySide6.QtCore import QElapsedTimer, QThread

    from caio_desktop.ui.search.action import open_search

    dialog = open_search(window)
    if dialog is None:
        return
    dialog.field.setText("données" if window.context.lang == "fr" else "data")
    clock = QElapsedTimer()
    clock.start()
    while not dialog.controller.ready and clock.elapsed() < 60_000:
        QCoreApplication.processEvents()
        QThread.msleep(20)
    dialog.run_search()
    _save(dialog, folder, "dialog-search", saved)
    dialog.close()


def take_screenshots(window: Any, file: Path, folder: Path) -> int:
    """Returns 0 when every page and dialog was saved."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    errors: list[str] = []
    window.files.show_error = lambda _parent, title, text, _remedies: errors.append(f"{title}: {text}")
    window.resize(*WINDOW_SIZE)
    window.show()
    _save(window, folder, "00-start", saved)
    if not window.files.open_path(file):
        print(f"screenshots: cannot open {file}: {'; '.join(errors)}", file=sys.stderr)
        return 1
    try:
        for index, spec in enumerate(window.specs, start=1):
            window.sidebar.setCurrentRow(index - 1)
            page = window.pages.get(spec.key)
            if page is None:
                continue
            tabs = page.findChild(QTabWidget)
            count = tabs.count() if tabs is not None and tabs.parent() is page else 0
            for tab in range(max(1, count)):
                if count:
                    tabs.setCurrentIndex(tab)
                _select_first_rows(page)
                _finish_background_work(window, page)
                name = f"{index:02d}-{spec.key}" + (f"-{tab + 1}" if tab else "")
                _save(window, folder, name, saved)
        window.sidebar.setCurrentRow(0)
        _dialogs(window, folder, saved)
        _search(window, folder, saved)
    finally:
        window.files.close()
        window.close()
    print(f"screenshots: {len(saved)} PNG files in {folder}")
    return 0 if not errors else 1


README_PAGES = ("01-overview", "03-diagnosis", "05-strategy", "06-roadmap", "08-risks")


def publish(source: Path, target: Path, *, pages: tuple[str, ...] = README_PAGES, width: int = 1200) -> list[Path]:
    """Small copies (≈100 KB: scaled, 128 colours) of the main pages of `source/fr` and `source/en` for the
    README, named `PAGE-LANG.png` in `target`."""
    from PIL import Image

    target.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in ("en", "fr"):
        for page in pages:
            image = Image.open(source / lang / f"{page}.png").convert("RGB")
            height = round(image.height * width / image.width)
            small = image.resize((width, height), Image.LANCZOS).quantize(
                colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
            path = target / f"{page}-{lang}.png"
            small.save(path, optimize=True)
            written.append(path)
    return written


if __name__ == "__main__":  # python -m caio_desktop.ui.screenshots build/screenshots docs/screenshots
    for written_path in publish(Path(sys.argv[1]), Path(sys.argv[2])):
        print(written_path)
