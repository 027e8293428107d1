"""Fixtures for reference data packs: a private pack folder per test, and packs made from the shipped
files with edits. The loaders' caches are cleared around each test so no other test sees a pack."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

import pytest
import yaml

from caio_desktop.reference.loader import PACK_DIR_VARIABLE, RESOURCE_PACKAGE
from caio_desktop.reference.packs import build_pack, clear_caches


def shipped(name: str) -> dict:
    """A shipped reference file, parsed (anchors merged)."""
    return yaml.safe_load(resources.files(RESOURCE_PACKAGE).joinpath(name).read_text(encoding="utf-8"))


def dump(data: dict) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@pytest.fixture
def pack_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Where packs install during the test (never the user's own folder)."""
    folder = tmp_path / "reference-packs"
    monkeypatch.setenv(PACK_DIR_VARIABLE, str(folder))
    clear_caches()
    yield folder
    monkeypatch.delenv(PACK_DIR_VARIABLE)
    clear_caches()


@pytest.fixture
def make_pack(tmp_path: Path) -> Callable[..., Path]:
    """make_pack(version, {file name: parsed data}) → the path of a pack holding those files."""
    def make(version: str, files: dict[str, dict], name: str = "pack.zip") -> Path:
        out = tmp_path / name
        build_pack({n: dump(d) for n, d in files.items()}, out, version=version)
        return out

    return make
