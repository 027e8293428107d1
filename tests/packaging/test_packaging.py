"""Packaging: the bundle spec ships every resource folder, the launcher and MIME type agree with the
file format, icons exist in every size, and the version comes from one place."""

from __future__ import annotations

import ast
import configparser
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image

import caio_desktop
from caio_desktop.workspace.fileinfo import APPLICATION_ID

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _spec_resource_folders() -> set[str]:
    tree = ast.parse((PACKAGING / "caio-desktop.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "RESOURCE_FOLDERS":
            return set(ast.literal_eval(node.value))
    raise AssertionError("RESOURCE_FOLDERS not found in the spec")


def test_spec_lists_every_resource_folder() -> None:
    resources = ROOT / "caio_desktop" / "resources"
    folders = {p.name for p in resources.iterdir() if p.is_dir() and not p.name.startswith("__")}
    missing = folders - _spec_resource_folders()
    assert not missing, f"add {sorted(missing)} to RESOURCE_FOLDERS in packaging/caio-desktop.spec"


def test_desktop_file_and_mime_type_agree_with_the_file_format() -> None:
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str
    desktop.read(PACKAGING / "linux" / "caio-desktop.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Exec"].startswith("caio-desktop ")
    assert entry["Icon"] == "caio-desktop"
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(PACKAGING / "linux" / "caio-desktop-mime.xml").getroot().find("m:mime-type", ns)
    assert entry["MimeType"].rstrip(";") == mime.get("type")
    assert mime.find("m:glob", ns).get("pattern") == "*.caio"
    inner = mime.find("m:magic/m:match/m:match", ns)
    assert int(inner.get("offset")) == 68
    assert inner.get("value").encode() == APPLICATION_ID.to_bytes(4, "big")


def test_icons_in_every_size() -> None:
    icons = ROOT / "caio_desktop" / "resources" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(icons / f"caio-desktop-{size}.png") as image:
            assert image.size == (size, size)
            assert image.getpixel((size // 2, size // 2))[3] == 255  # the tile is opaque at its centre
    with Image.open(PACKAGING / "icons" / "caio-desktop.ico") as ico:
        assert (256, 256) in ico.info["sizes"]
    assert (PACKAGING / "icons" / "caio-desktop.icns").stat().st_size > 10_000


def test_version_from_one_place() -> None:
    result = subprocess.run([sys.executable, "-m", "caio_desktop.cli", "--version"], capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.strip() == f"caio {caio_desktop.__version__}"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'version = { attr = "caio_desktop.__version__" }' in pyproject
    from importlib.metadata import version

    assert version("caio-desktop") == caio_desktop.__version__
