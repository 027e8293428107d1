"""The `caio-desktop` command: --self-test round-trips every module of the demo, --screenshots saves
one PNG per page and dialog, bad arguments are explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from caio_desktop.ui.app import main
from caio_desktop.ui.i18n import install_language
from caio_desktop.ui.shell.navigation import PAGES, available


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):
    yield
    install_language("en")
    qapp.setStyleSheet("")


def test_self_test_round_trips_every_module_of_the_demo(qapp, demo_file: Path, capsys) -> None:
    before = demo_file.read_bytes()
    assert main(["--self-test", str(demo_file), "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out and "28/28 modules round-trip" in out
    assert demo_file.read_bytes() == before  # it works on a copy


def test_self_test_fails_on_a_file_that_is_not_an_engagement(qapp, tmp_path: Path, capsys) -> None:
    bogus = tmp_path / "notes.caio"
    bogus.write_text("not a workspace")
    assert main(["--self-test", str(bogus)]) == 1
    assert "cannot open" in capsys.readouterr().out


def test_screenshots_one_png_per_page_and_dialog(qapp, demo_file_en: Path, tmp_path: Path) -> None:
    folder = tmp_path / "shots"
    assert main(["--screenshots", str(folder), str(demo_file_en), "--lang", "en"]) == 0
    names = {p.stem for p in folder.glob("*.png")}
    for index, spec in enumerate([s for s in PAGES if available(s)], start=1):
        assert f"{index:02d}-{spec.key}" in names
    assert {"00-start", "dialog-new-engagement", "dialog-preferences", "dialog-search"} <= names
    image = QImage(str(folder / "01-overview.png"))
    assert (image.width(), image.height()) == (1440, 900)


def test_a_file_is_required_for_the_offscreen_modes(qapp, capsys) -> None:
    assert main(["--self-test"]) == 2
    assert "FILE is required" in capsys.readouterr().err


def test_self_test_on_an_empty_engagement_adds_a_row_to_every_module(qapp, workspace_file: Path,
                                                                     capsys) -> None:
    assert main(["--self-test", str(workspace_file)]) == 0
    assert "28/28 modules round-trip" in capsys.readouterr().out


def test_a_start_without_arguments_reads_as_the_parser_would_read_it() -> None:
    """`caio-desktop` from a menu skips building the parser (start-up): what it reads must stay what the
    parser gives for no argument, whatever option is added later."""
    from caio_desktop.ui import app

    assert vars(app.parse_args([])) == vars(app.parser().parse_args([]))
    assert app.parse_args(["--lang", "en"]).lang == "en" and app.parse_args(["x.caio"]).file == Path("x.caio")
