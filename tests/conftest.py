"""Shared fixtures. Qt runs offscreen (set before any QApplication exists); workspaces are built once
per session and copied per test (Anki's getEmptyCol), so tests stay fast and independent."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CAIO_NO_SETTINGS", "1")  # the app must not read or write the user's QSettings

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# The throw-away PostgreSQL server and the `engine`-parametrised fixtures of team mode (issue 19).
pytest_plugins = ["tests.pg_server"]

SHARED_SHEETS = Path(__file__).resolve().parents[2] / "shared" / "sample-sheets"
DEMO_TODAY = dt.date(2026, 3, 16)  # demo engagements are built "as of" this day: stable dates in tests


@pytest.fixture(scope="session")
def empty_workspace_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from caio_desktop.workspace import Workspace

    path = tmp_path_factory.mktemp("template") / "empty.caio"
    Workspace.create(path, client="Assurances du Rhône", language="fr", start=dt.date(2026, 1, 5),
                     months=12, sector="Assurance", consultant="Camille Durand").close()
    return path


@pytest.fixture
def workspace_file(empty_workspace_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of an empty engagement file (closed)."""
    target = tmp_path / "engagement.caio"
    shutil.copyfile(empty_workspace_template, target)
    return target


@pytest.fixture
def workspace(workspace_file: Path) -> Iterator:
    """An open, empty engagement (French, 12 months from 2026-01-05)."""
    from caio_desktop.workspace import Workspace

    ws = Workspace.open(workspace_file)
    yield ws
    ws.close()


def _demo_template(factory: pytest.TempPathFactory, lang: str) -> Path:
    from caio_desktop.demo import build_demo

    path = factory.mktemp(f"demo-{lang}") / f"demo-{lang}.caio"
    build_demo(path, lang=lang, today=DEMO_TODAY)
    return path


@pytest.fixture(scope="session")
def demo_template_fr(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _demo_template(tmp_path_factory, "fr")


@pytest.fixture(scope="session")
def demo_template_en(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _demo_template(tmp_path_factory, "en")


@pytest.fixture
def demo_file(demo_template_fr: Path, tmp_path: Path) -> Path:
    """A fresh copy of the French demo engagement (closed)."""
    target = tmp_path / "demo.caio"
    shutil.copyfile(demo_template_fr, target)
    return target


@pytest.fixture
def demo_file_en(demo_template_en: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo-en.caio"
    shutil.copyfile(demo_template_en, target)
    return target


@pytest.fixture
def demo_workspace(demo_file: Path) -> Iterator:
    """An open copy of the French demo engagement."""
    from caio_desktop.workspace import Workspace

    ws = Workspace.open(demo_file)
    yield ws
    ws.close()


@pytest.fixture
def shared_sheets() -> Path:
    """The real client spreadsheets in ../shared/sample-sheets (skips cleanly when absent)."""
    if not SHARED_SHEETS.is_dir():
        pytest.skip("../shared/sample-sheets is not available")
    return SHARED_SHEETS
